//! Shell completion scripts: clap_complete's, with fixes for what it gets wrong for us. Tests drive
//! real bash, zsh and fish with them (tests/cli/ergonomics.rs).

use crate::cli::command;
use clap_complete::Shell;

const BIN: &str = "ssq-gen";

pub fn script(shell: Shell) -> String {
    let mut command = command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, BIN, &mut script);
    let mut script = String::from_utf8(script).expect("completion scripts are UTF-8");
    match shell {
        // The bash script spells the subcommand state of a hyphenated binary two ways
        // (`ssq__gen__subcmd__snippet` when dispatching, `ssq__subcmd__gen__subcmd__snippet` in
        // the case labels), so nothing after a subcommand completes (clap-rs/clap#6421, #6529).
        Shell::Bash => script = script.replace("ssq__subcmd__gen", "ssq__gen"),
        // The fish script offers nothing for positional arguments with a fixed set of values
        // (`ssq-gen completions <TAB>`): add them.
        Shell::Fish => {
            for sub in command.get_subcommands() {
                for arg in sub.get_positionals() {
                    let values: Vec<String> =
                        arg.get_possible_values().iter().map(|v| v.get_name().to_string()).collect();
                    if !values.is_empty() {
                        script.push_str(&format!(
                            "complete -c {BIN} -n \"__fish_ssq_gen_using_subcommand {}\" -f -a \"{}\"\n",
                            sub.get_name(),
                            values.join(" ")
                        ));
                    }
                }
            }
        }
        _ => {}
    }
    script
}
