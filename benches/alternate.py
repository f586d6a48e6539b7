"""Times whole processes, alternating: every round runs each command once, in a shuffled order, so
a noisy machine's drift reaches every command alike. Prints each command's median wall time and its
ratio to the first command (the baseline, measured in the same rounds).

Usage: benches/alternate.py ROUNDS NAME COMMAND [NAME COMMAND ...]   (COMMAND: one shell-split string)
"""
import os
import random
import shlex
import statistics
import sys
import time


def run_once(argv):
    devnull = os.open(os.devnull, os.O_WRONLY)
    actions = [(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]
    start = time.perf_counter_ns()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
    _, status = os.waitpid(pid, 0)
    elapsed = time.perf_counter_ns() - start
    os.close(devnull)
    return elapsed / 1e6, os.waitstatus_to_exitcode(status)


def main():
    rounds = int(sys.argv[1])
    pairs = sys.argv[2:]
    commands = [(pairs[i], shlex.split(pairs[i + 1])) for i in range(0, len(pairs), 2)]
    times = {name: [] for name, _ in commands}
    for warmup in range(5):
        for _, argv in commands:
            run_once(argv)
    for _ in range(rounds):
        order = commands[:]
        random.shuffle(order)
        for name, argv in order:
            ms, code = run_once(argv)
            if code not in (0, 1):
                sys.exit(f"{name} exited {code}")
            times[name].append(ms)
    baseline = statistics.median(times[commands[0][0]])
    print(f"{'command':<48} {'median ms':>10} {'x ' + commands[0][0]:>9}")
    for name, _ in commands:
        median = statistics.median(times[name])
        print(f"{name:<48} {median:>10.2f} {median / baseline:>9.2f}")


main()
