
use builtin;
use str;

set edit:completion:arg-completer[ssq-gen] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'ssq-gen'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'ssq-gen'= {
            cand --color 'When to colour diagnostics'
            cand -q 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand --quiet 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand snippet 'Validate a profile and print the ready-to-paste <script> block'
            cand lint 'Check profiles with every rule: the CI step for a repository''s embed configs'
            cand check 'Check profiles with every rule: the CI step for a repository''s embed configs'
            cand audit 'Find the mistakes of hand-written SaleSmartly installs in a site''s pages and scripts'
            cand import 'Write the profile that reproduces a page''s hand-written SaleSmartly install'
            cand csp 'Print the Content-Security-Policy `script-src` sources the snippet needs'
            cand login-data 'Print the fragment that writes each page view''s visitor, for a `from_page` profile'
            cand init 'Write a commented starter profile that explains every key'
            cand schema 'Print the profile''s JSON Schema (draft 2020-12), for editors'
            cand man 'Print the man page (roff)'
            cand completions 'Print the shell completion script for SHELL'
            cand rules 'List every rule (its stable code, name, severity and what it checks), or explain one'
            cand preview 'Serve a page on 127.0.0.1 that runs the profile''s block, to see what it does'
            cand lsp 'Run the language server (LSP 3.17 over standard input and output) for editors'
            cand help 'Print the help of ssq-gen or of one of its subcommands'
        }
        &'ssq-gen;snippet'= {
            cand --input-format 'Profile format; by default from the extension, else from the content'
            cand --ignore 'Don''t report these warnings, by code (repeatable, comma-separated); errors cannot be ignored'
            cand -o 'Write the snippet to FILE (replaced atomically) instead of standard output'
            cand --output 'Write the snippet to FILE (replaced atomically) instead of standard output'
            cand --check 'Exit 0 if FILE already holds exactly this snippet, else 1 with a diff; writes nothing. Compares the form FILE holds'
            cand --format 'The form to write: html (the default), js or next; by default from -o''s extension'
            cand --nonce 'CSP nonce for the <script> element: base64, or your server template''s placeholder for it ({{ csp_nonce }}, <%= nonce %>, <?= $nonce ?>); inserted scripts copy it'
            cand --color 'When to colour diagnostics'
            cand --deny-warnings 'Treat warnings as errors'
            cand --logout 'Render for the page after logout: no setLoginInfo, and clearUser so the widget forgets the visitor'
            cand -q 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand --quiet 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ssq-gen;lint'= {
            cand --format 'Output format'
            cand --glob 'Which files in folders are read (repeatable; replaces the command''s default names, below; `!GLOB` leaves files out)'
            cand --input-format 'Profile format; by default from the extension, else from the content'
            cand --ignore 'Don''t report these warnings, by code (repeatable, comma-separated); errors cannot be ignored'
            cand --color 'When to colour diagnostics'
            cand -L 'Follow symbolic links found while walking folders (named paths are always read as given)'
            cand --follow 'Follow symbolic links found while walking folders (named paths are always read as given)'
            cand --allow-empty 'Succeed when no file is found (by default that is an error: a mistyped path or --glob)'
            cand --hidden 'Walk hidden files and folders too (.github/, .config/)'
            cand --deny-warnings 'Treat warnings as errors'
            cand --fix 'Apply the safe fixes in place (files are replaced atomically), then report what remains'
            cand --diff 'Print the fixes as a unified diff and write nothing; exit 1 if there is anything to fix'
            cand --unsafe-fixes 'With --fix or --diff: the unsafe fixes too (a misspelt key renamed, a misplaced key moved)'
            cand -q 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand --quiet 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ssq-gen;check'= {
            cand --format 'Output format'
            cand --glob 'Which files in folders are read (repeatable; replaces the command''s default names, below; `!GLOB` leaves files out)'
            cand --input-format 'Profile format; by default from the extension, else from the content'
            cand --ignore 'Don''t report these warnings, by code (repeatable, comma-separated); errors cannot be ignored'
            cand --color 'When to colour diagnostics'
            cand -L 'Follow symbolic links found while walking folders (named paths are always read as given)'
            cand --follow 'Follow symbolic links found while walking folders (named paths are always read as given)'
            cand --allow-empty 'Succeed when no file is found (by default that is an error: a mistyped path or --glob)'
            cand --hidden 'Walk hidden files and folders too (.github/, .config/)'
            cand --deny-warnings 'Treat warnings as errors'
            cand --fix 'Apply the safe fixes in place (files are replaced atomically), then report what remains'
            cand --diff 'Print the fixes as a unified diff and write nothing; exit 1 if there is anything to fix'
            cand --unsafe-fixes 'With --fix or --diff: the unsafe fixes too (a misspelt key renamed, a misplaced key moved)'
            cand -q 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand --quiet 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ssq-gen;audit'= {
            cand --format 'Output format'
            cand --glob 'Which files in folders are read (repeatable; replaces the command''s default names, below; `!GLOB` leaves files out)'
            cand --ignore 'Don''t report these warnings, by code (repeatable, comma-separated); errors cannot be ignored'
            cand --color 'When to colour diagnostics'
            cand -L 'Follow symbolic links found while walking folders (named paths are always read as given)'
            cand --follow 'Follow symbolic links found while walking folders (named paths are always read as given)'
            cand --allow-empty 'Succeed when no file is found (by default that is an error: a mistyped path or --glob)'
            cand --hidden 'Walk hidden files and folders too (.github/, .config/)'
            cand --deny-warnings 'Treat warnings as errors'
            cand -q 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand --quiet 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ssq-gen;import'= {
            cand -o 'Write the profile to FILE (TOML; JSON when it ends in .json), replaced atomically'
            cand --output 'Write the profile to FILE (TOML; JSON when it ends in .json), replaced atomically'
            cand --color 'When to colour diagnostics'
            cand -q 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand --quiet 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ssq-gen;csp'= {
            cand --input-format 'Profile format; by default from the extension, else from the content'
            cand --ignore 'Don''t report these warnings, by code (repeatable, comma-separated); errors cannot be ignored'
            cand --format 'The form the block is inlined in: html hashes the <script> element''s content, js the whole file, its header comment included'
            cand --color 'When to colour diagnostics'
            cand --deny-warnings 'Treat warnings as errors'
            cand --logout 'The sources for the block rendered with `snippet --logout`'
            cand --trusted-types 'Print the directive a page that requires Trusted Types adds instead: `trusted-types ssq-gen`, and `default` for a PROFILE with `loader.trusted_types_default`'
            cand -q 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand --quiet 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ssq-gen;login-data'= {
            cand -o 'Write the fragment to FILE (replaced atomically) instead of standard output'
            cand --output 'Write the fragment to FILE (replaced atomically) instead of standard output'
            cand --color 'When to colour diagnostics'
            cand -q 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand --quiet 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ssq-gen;init'= {
            cand --color 'When to colour diagnostics'
            cand --json 'Write JSON (with a "$schema" key) instead of commented TOML; the default name is then profile.ssq.json'
            cand --force 'Replace an existing file'
            cand -q 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand --quiet 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ssq-gen;schema'= {
            cand --color 'When to colour diagnostics'
            cand -q 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand --quiet 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ssq-gen;man'= {
            cand --color 'When to colour diagnostics'
            cand -q 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand --quiet 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ssq-gen;completions'= {
            cand --color 'When to colour diagnostics'
            cand -q 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand --quiet 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ssq-gen;rules'= {
            cand --format 'Output format'
            cand --color 'When to colour diagnostics'
            cand -q 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand --quiet 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ssq-gen;preview'= {
            cand --port 'Port on 127.0.0.1; 0 picks a free one'
            cand --color 'When to colour diagnostics'
            cand --live 'Load the real SaleSmartly loader instead of the preview''s stand-in widget'
            cand --open 'Open the page in the system''s browser'
            cand -q 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand --quiet 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ssq-gen;lsp'= {
            cand --color 'When to colour diagnostics'
            cand -q 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand --quiet 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ssq-gen;help'= {
            cand --color 'When to colour diagnostics'
            cand -q 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand --quiet 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
    ]
    $completions[$command]
}
