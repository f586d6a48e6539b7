# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_ssq_gen_global_optspecs
    string join \n color= q/quiet h/help V/version
end

function __fish_ssq_gen_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_ssq_gen_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_ssq_gen_using_subcommand
    set -l cmd (__fish_ssq_gen_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c ssq-gen -n "__fish_ssq_gen_needs_command" -l color -d 'When to colour diagnostics' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ssq-gen -n "__fish_ssq_gen_needs_command" -s q -l quiet -d 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
complete -c ssq-gen -n "__fish_ssq_gen_needs_command" -s h -l help -d 'Print help'
complete -c ssq-gen -n "__fish_ssq_gen_needs_command" -s V -l version -d 'Print version'
complete -c ssq-gen -n "__fish_ssq_gen_needs_command" -f -a "snippet" -d 'Validate a profile and print the ready-to-paste <script> block'
complete -c ssq-gen -n "__fish_ssq_gen_needs_command" -f -a "lint" -d 'Check profiles with every rule: the CI step for a repository\'s embed configs'
complete -c ssq-gen -n "__fish_ssq_gen_needs_command" -f -a "check" -d 'Check profiles with every rule: the CI step for a repository\'s embed configs'
complete -c ssq-gen -n "__fish_ssq_gen_needs_command" -f -a "audit" -d 'Find the mistakes of hand-written SaleSmartly installs in a site\'s pages and scripts'
complete -c ssq-gen -n "__fish_ssq_gen_needs_command" -f -a "import" -d 'Write the profile that reproduces a page\'s hand-written SaleSmartly install'
complete -c ssq-gen -n "__fish_ssq_gen_needs_command" -f -a "csp" -d 'Print the Content-Security-Policy `script-src` sources the snippet needs'
complete -c ssq-gen -n "__fish_ssq_gen_needs_command" -f -a "login-data" -d 'Print the fragment that writes each page view\'s visitor, for a `from_page` profile'
complete -c ssq-gen -n "__fish_ssq_gen_needs_command" -f -a "init" -d 'Write a commented starter profile that explains every key'
complete -c ssq-gen -n "__fish_ssq_gen_needs_command" -f -a "schema" -d 'Print the profile\'s JSON Schema (draft 2020-12), for editors'
complete -c ssq-gen -n "__fish_ssq_gen_needs_command" -f -a "man" -d 'Print the man page (roff)'
complete -c ssq-gen -n "__fish_ssq_gen_needs_command" -f -a "completions" -d 'Print the shell completion script for SHELL'
complete -c ssq-gen -n "__fish_ssq_gen_needs_command" -f -a "rules" -d 'List every rule (its stable code, name, severity and what it checks), or explain one'
complete -c ssq-gen -n "__fish_ssq_gen_needs_command" -f -a "preview" -d 'Serve a page on 127.0.0.1 that runs the profile\'s block, to see what it does'
complete -c ssq-gen -n "__fish_ssq_gen_needs_command" -f -a "lsp" -d 'Run the language server (LSP 3.17 over standard input and output) for editors'
complete -c ssq-gen -n "__fish_ssq_gen_needs_command" -f -a "help" -d 'Print the help of ssq-gen or of one of its subcommands'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand snippet" -l input-format -d 'Profile format; by default from the extension, else from the content' -r -f -a "toml\t''
json\t''"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand snippet" -l ignore -d 'Don\'t report these warnings, by code (repeatable, comma-separated); errors cannot be ignored' -r -f -a "SSQ009\t'example-value'
SSQ011\t'no-effect'
SSQ012\t'inline-size'
SSQ104\t'script-url-shape'
SSQ105\t'open-on-interaction'
SSQ203\t'language-unsupported'
SSQ206\t'phone-without-plus'
SSQ209\t'email-dotless-domain'
SSQ210\t'user-id-personal-data'
SSQ212\t'label-duplicate'
SSQ302\t'two-launchers'
SSQ303\t'chat-unreachable'
SSQ307\t'selector-repeated'
SSQ308\t'selector-everything'
SSQ404\t'consent-always-granted'
SSQ501\t'blocking-loader'
SSQ505\t'setting-replaced'
SSQ507\t'timed-send'
SSQ509\t'loader-twice'
SSQ510\t'not-translated'
SSQ511\t'not-read'"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand snippet" -s o -l output -d 'Write the snippet to FILE (replaced atomically) instead of standard output' -r -F
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand snippet" -l check -d 'Exit 0 if FILE already holds exactly this snippet, else 1 with a diff; writes nothing. Compares the form FILE holds' -r -F
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand snippet" -l format -d 'The form to write: html (the default), js or next; by default from -o\'s extension' -r -f -a "html\t'a <script> element and its comment, for a layout file (the default)'
js\t'the script alone, for next/script, Nuxt\'s useHead or a bundler (chosen by -o FILE.js)'
next\t'a Next.js App Router component with typed helpers (chosen by -o FILE.tsx)'
wordpress\t'a WordPress plugin file: the block in every front-end footer, with the logged-in visitor for from_page'"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand snippet" -l nonce -d 'CSP nonce for the <script> element: base64, or your server template\'s placeholder for it ({{ csp_nonce }}, <%= nonce %>, <?= $nonce ?>); inserted scripts copy it' -r
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand snippet" -l color -d 'When to colour diagnostics' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand snippet" -l deny-warnings -d 'Treat warnings as errors'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand snippet" -l logout -d 'Render for the page after logout: no setLoginInfo, and clearUser so the widget forgets the visitor'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand snippet" -s q -l quiet -d 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand snippet" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand snippet" -s V -l version -d 'Print version'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand lint" -l format -d 'Output format' -r -f -a "human\t'rustc-style, with the source line and a caret'
json\t'one JSON document'
github\t'GitHub Actions workflow commands'
sarif\t'SARIF 2.1.0 for code scanning'"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand lint" -l glob -d 'Which files in folders are read (repeatable; replaces the command\'s default names, below; `!GLOB` leaves files out)' -r
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand lint" -l input-format -d 'Profile format; by default from the extension, else from the content' -r -f -a "toml\t''
json\t''"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand lint" -l ignore -d 'Don\'t report these warnings, by code (repeatable, comma-separated); errors cannot be ignored' -r -f -a "SSQ009\t'example-value'
SSQ011\t'no-effect'
SSQ012\t'inline-size'
SSQ104\t'script-url-shape'
SSQ105\t'open-on-interaction'
SSQ203\t'language-unsupported'
SSQ206\t'phone-without-plus'
SSQ209\t'email-dotless-domain'
SSQ210\t'user-id-personal-data'
SSQ212\t'label-duplicate'
SSQ302\t'two-launchers'
SSQ303\t'chat-unreachable'
SSQ307\t'selector-repeated'
SSQ308\t'selector-everything'
SSQ404\t'consent-always-granted'
SSQ501\t'blocking-loader'
SSQ505\t'setting-replaced'
SSQ507\t'timed-send'
SSQ509\t'loader-twice'
SSQ510\t'not-translated'
SSQ511\t'not-read'"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand lint" -l color -d 'When to colour diagnostics' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand lint" -s L -l follow -d 'Follow symbolic links found while walking folders (named paths are always read as given)'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand lint" -l allow-empty -d 'Succeed when no file is found (by default that is an error: a mistyped path or --glob)'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand lint" -l hidden -d 'Walk hidden files and folders too (.github/, .config/)'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand lint" -l deny-warnings -d 'Treat warnings as errors'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand lint" -l fix -d 'Apply the safe fixes in place (files are replaced atomically), then report what remains'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand lint" -l diff -d 'Print the fixes as a unified diff and write nothing; exit 1 if there is anything to fix'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand lint" -l unsafe-fixes -d 'With --fix or --diff: the unsafe fixes too (a misspelt key renamed, a misplaced key moved)'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand lint" -s q -l quiet -d 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand lint" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand lint" -s V -l version -d 'Print version'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand check" -l format -d 'Output format' -r -f -a "human\t'rustc-style, with the source line and a caret'
json\t'one JSON document'
github\t'GitHub Actions workflow commands'
sarif\t'SARIF 2.1.0 for code scanning'"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand check" -l glob -d 'Which files in folders are read (repeatable; replaces the command\'s default names, below; `!GLOB` leaves files out)' -r
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand check" -l input-format -d 'Profile format; by default from the extension, else from the content' -r -f -a "toml\t''
json\t''"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand check" -l ignore -d 'Don\'t report these warnings, by code (repeatable, comma-separated); errors cannot be ignored' -r -f -a "SSQ009\t'example-value'
SSQ011\t'no-effect'
SSQ012\t'inline-size'
SSQ104\t'script-url-shape'
SSQ105\t'open-on-interaction'
SSQ203\t'language-unsupported'
SSQ206\t'phone-without-plus'
SSQ209\t'email-dotless-domain'
SSQ210\t'user-id-personal-data'
SSQ212\t'label-duplicate'
SSQ302\t'two-launchers'
SSQ303\t'chat-unreachable'
SSQ307\t'selector-repeated'
SSQ308\t'selector-everything'
SSQ404\t'consent-always-granted'
SSQ501\t'blocking-loader'
SSQ505\t'setting-replaced'
SSQ507\t'timed-send'
SSQ509\t'loader-twice'
SSQ510\t'not-translated'
SSQ511\t'not-read'"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand check" -l color -d 'When to colour diagnostics' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand check" -s L -l follow -d 'Follow symbolic links found while walking folders (named paths are always read as given)'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand check" -l allow-empty -d 'Succeed when no file is found (by default that is an error: a mistyped path or --glob)'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand check" -l hidden -d 'Walk hidden files and folders too (.github/, .config/)'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand check" -l deny-warnings -d 'Treat warnings as errors'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand check" -l fix -d 'Apply the safe fixes in place (files are replaced atomically), then report what remains'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand check" -l diff -d 'Print the fixes as a unified diff and write nothing; exit 1 if there is anything to fix'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand check" -l unsafe-fixes -d 'With --fix or --diff: the unsafe fixes too (a misspelt key renamed, a misplaced key moved)'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand check" -s q -l quiet -d 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand check" -s V -l version -d 'Print version'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand audit" -l format -d 'Output format' -r -f -a "human\t'rustc-style, with the source line and a caret'
json\t'one JSON document'
github\t'GitHub Actions workflow commands'
sarif\t'SARIF 2.1.0 for code scanning'"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand audit" -l glob -d 'Which files in folders are read (repeatable; replaces the command\'s default names, below; `!GLOB` leaves files out)' -r
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand audit" -l ignore -d 'Don\'t report these warnings, by code (repeatable, comma-separated); errors cannot be ignored' -r -f -a "SSQ009\t'example-value'
SSQ011\t'no-effect'
SSQ012\t'inline-size'
SSQ104\t'script-url-shape'
SSQ105\t'open-on-interaction'
SSQ203\t'language-unsupported'
SSQ206\t'phone-without-plus'
SSQ209\t'email-dotless-domain'
SSQ210\t'user-id-personal-data'
SSQ212\t'label-duplicate'
SSQ302\t'two-launchers'
SSQ303\t'chat-unreachable'
SSQ307\t'selector-repeated'
SSQ308\t'selector-everything'
SSQ404\t'consent-always-granted'
SSQ501\t'blocking-loader'
SSQ505\t'setting-replaced'
SSQ507\t'timed-send'
SSQ509\t'loader-twice'
SSQ510\t'not-translated'
SSQ511\t'not-read'"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand audit" -l color -d 'When to colour diagnostics' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand audit" -s L -l follow -d 'Follow symbolic links found while walking folders (named paths are always read as given)'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand audit" -l allow-empty -d 'Succeed when no file is found (by default that is an error: a mistyped path or --glob)'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand audit" -l hidden -d 'Walk hidden files and folders too (.github/, .config/)'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand audit" -l deny-warnings -d 'Treat warnings as errors'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand audit" -s q -l quiet -d 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand audit" -s V -l version -d 'Print version'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand import" -s o -l output -d 'Write the profile to FILE (TOML; JSON when it ends in .json), replaced atomically' -r -F
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand import" -l color -d 'When to colour diagnostics' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand import" -s q -l quiet -d 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand import" -s h -l help -d 'Print help'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand import" -s V -l version -d 'Print version'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand csp" -l input-format -d 'Profile format; by default from the extension, else from the content' -r -f -a "toml\t''
json\t''"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand csp" -l ignore -d 'Don\'t report these warnings, by code (repeatable, comma-separated); errors cannot be ignored' -r -f -a "SSQ009\t'example-value'
SSQ011\t'no-effect'
SSQ012\t'inline-size'
SSQ104\t'script-url-shape'
SSQ105\t'open-on-interaction'
SSQ203\t'language-unsupported'
SSQ206\t'phone-without-plus'
SSQ209\t'email-dotless-domain'
SSQ210\t'user-id-personal-data'
SSQ212\t'label-duplicate'
SSQ302\t'two-launchers'
SSQ303\t'chat-unreachable'
SSQ307\t'selector-repeated'
SSQ308\t'selector-everything'
SSQ404\t'consent-always-granted'
SSQ501\t'blocking-loader'
SSQ505\t'setting-replaced'
SSQ507\t'timed-send'
SSQ509\t'loader-twice'
SSQ510\t'not-translated'
SSQ511\t'not-read'"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand csp" -l format -d 'The form the block is inlined in: html hashes the <script> element\'s content, js the whole file, its header comment included' -r -f -a "html\t'a <script> element and its comment, for a layout file (the default)'
js\t'the script alone, for next/script, Nuxt\'s useHead or a bundler (chosen by -o FILE.js)'
next\t'a Next.js App Router component with typed helpers (chosen by -o FILE.tsx)'
wordpress\t'a WordPress plugin file: the block in every front-end footer, with the logged-in visitor for from_page'"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand csp" -l color -d 'When to colour diagnostics' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand csp" -l deny-warnings -d 'Treat warnings as errors'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand csp" -l logout -d 'The sources for the block rendered with `snippet --logout`'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand csp" -l trusted-types -d 'Print the directive a page that requires Trusted Types adds instead: `trusted-types ssq-gen`, and `default` for a PROFILE with `loader.trusted_types_default`'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand csp" -s q -l quiet -d 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand csp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand csp" -s V -l version -d 'Print version'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand login-data" -s o -l output -d 'Write the fragment to FILE (replaced atomically) instead of standard output' -r -F
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand login-data" -l color -d 'When to colour diagnostics' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand login-data" -s q -l quiet -d 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand login-data" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand login-data" -s V -l version -d 'Print version'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand init" -l color -d 'When to colour diagnostics' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand init" -l json -d 'Write JSON (with a "$schema" key) instead of commented TOML; the default name is then profile.ssq.json'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand init" -l force -d 'Replace an existing file'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand init" -s q -l quiet -d 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand init" -s h -l help -d 'Print help'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand init" -s V -l version -d 'Print version'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand schema" -l color -d 'When to colour diagnostics' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand schema" -s q -l quiet -d 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand schema" -s h -l help -d 'Print help'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand schema" -s V -l version -d 'Print version'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand man" -l color -d 'When to colour diagnostics' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand man" -s q -l quiet -d 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand man" -s h -l help -d 'Print help'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand man" -s V -l version -d 'Print version'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand completions" -l color -d 'When to colour diagnostics' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand completions" -s q -l quiet -d 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand completions" -s h -l help -d 'Print help'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand completions" -s V -l version -d 'Print version'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand rules" -l format -d 'Output format' -r -f -a "text\t'for a terminal'
markdown\t'the README\'s table (with CODE: the rule\'s section of the explanations)'
json\t'one JSON document: each rule with its explanation and examples'"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand rules" -l color -d 'When to colour diagnostics' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand rules" -s q -l quiet -d 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand rules" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand rules" -s V -l version -d 'Print version'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand preview" -l port -d 'Port on 127.0.0.1; 0 picks a free one' -r
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand preview" -l color -d 'When to colour diagnostics' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand preview" -l live -d 'Load the real SaleSmartly loader instead of the preview\'s stand-in widget'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand preview" -l open -d 'Open the page in the system\'s browser'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand preview" -s q -l quiet -d 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand preview" -s h -l help -d 'Print help'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand preview" -s V -l version -d 'Print version'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand lsp" -l color -d 'When to colour diagnostics' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand lsp" -s q -l quiet -d 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand lsp" -s h -l help -d 'Print help'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand lsp" -s V -l version -d 'Print version'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand help" -l color -d 'When to colour diagnostics' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand help" -s q -l quiet -d 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand help" -s h -l help -d 'Print help'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand help" -s V -l version -d 'Print version'
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand login-data" -f -a "django jinja2 rails twig blade liquid go handlebars ejs php"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand completions" -f -a "bash elvish fish powershell zsh"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand rules" -f -a "SSQ000 SSQ001 SSQ002 SSQ003 SSQ004 SSQ005 SSQ006 SSQ007 SSQ008 SSQ009 SSQ010 SSQ011 SSQ012 SSQ101 SSQ102 SSQ103 SSQ104 SSQ105 SSQ201 SSQ202 SSQ203 SSQ204 SSQ205 SSQ206 SSQ207 SSQ208 SSQ209 SSQ210 SSQ211 SSQ212 SSQ213 SSQ214 SSQ301 SSQ302 SSQ303 SSQ304 SSQ305 SSQ306 SSQ307 SSQ308 SSQ401 SSQ402 SSQ403 SSQ404 SSQ501 SSQ502 SSQ503 SSQ504 SSQ505 SSQ506 SSQ507 SSQ508 SSQ509 SSQ510 SSQ511"
complete -c ssq-gen -n "__fish_ssq_gen_using_subcommand help" -f -a "snippet lint audit import csp login-data init schema man completions rules preview lsp help"
