
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'ssq-gen' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'ssq-gen'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'ssq-gen' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('snippet', 'snippet', [CompletionResultType]::ParameterValue, 'Validate a profile and print the ready-to-paste <script> block')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Check profiles with every rule: the CI step for a repository''s embed configs')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check profiles with every rule: the CI step for a repository''s embed configs')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Find the mistakes of hand-written SaleSmartly installs in a site''s pages and scripts')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Write the profile that reproduces a page''s hand-written SaleSmartly install')
            [CompletionResult]::new('csp', 'csp', [CompletionResultType]::ParameterValue, 'Print the Content-Security-Policy `script-src` sources the snippet needs')
            [CompletionResult]::new('login-data', 'login-data', [CompletionResultType]::ParameterValue, 'Print the fragment that writes each page view''s visitor, for a `from_page` profile')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented starter profile that explains every key')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the profile''s JSON Schema (draft 2020-12), for editors')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script for SHELL')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'List every rule (its stable code, name, severity and what it checks), or explain one')
            [CompletionResult]::new('preview', 'preview', [CompletionResultType]::ParameterValue, 'Serve a page on 127.0.0.1 that runs the profile''s block, to see what it does')
            [CompletionResult]::new('lsp', 'lsp', [CompletionResultType]::ParameterValue, 'Run the language server (LSP 3.17 over standard input and output) for editors')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print the help of ssq-gen or of one of its subcommands')
            break
        }
        'ssq-gen;snippet' {
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'Profile format; by default from the extension, else from the content')
            [CompletionResult]::new('--ignore', '--ignore', [CompletionResultType]::ParameterName, 'Don''t report these warnings, by code (repeatable, comma-separated); errors cannot be ignored')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the snippet to FILE (replaced atomically) instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the snippet to FILE (replaced atomically) instead of standard output')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Exit 0 if FILE already holds exactly this snippet, else 1 with a diff; writes nothing. Compares the form FILE holds')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The form to write: html (the default), js or next; by default from -o''s extension')
            [CompletionResult]::new('--nonce', '--nonce', [CompletionResultType]::ParameterName, 'CSP nonce for the <script> element: base64, or your server template''s placeholder for it ({{ csp_nonce }}, <%= nonce %>, <?= $nonce ?>); inserted scripts copy it')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics')
            [CompletionResult]::new('--deny-warnings', '--deny-warnings', [CompletionResultType]::ParameterName, 'Treat warnings as errors')
            [CompletionResult]::new('--logout', '--logout', [CompletionResultType]::ParameterName, 'Render for the page after logout: no setLoginInfo, and clearUser so the widget forgets the visitor')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ssq-gen;lint' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--glob', '--glob', [CompletionResultType]::ParameterName, 'Which files in folders are read (repeatable; replaces the command''s default names, below; `!GLOB` leaves files out)')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'Profile format; by default from the extension, else from the content')
            [CompletionResult]::new('--ignore', '--ignore', [CompletionResultType]::ParameterName, 'Don''t report these warnings, by code (repeatable, comma-separated); errors cannot be ignored')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Follow symbolic links found while walking folders (named paths are always read as given)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Follow symbolic links found while walking folders (named paths are always read as given)')
            [CompletionResult]::new('--allow-empty', '--allow-empty', [CompletionResultType]::ParameterName, 'Succeed when no file is found (by default that is an error: a mistyped path or --glob)')
            [CompletionResult]::new('--hidden', '--hidden', [CompletionResultType]::ParameterName, 'Walk hidden files and folders too (.github/, .config/)')
            [CompletionResult]::new('--deny-warnings', '--deny-warnings', [CompletionResultType]::ParameterName, 'Treat warnings as errors')
            [CompletionResult]::new('--fix', '--fix', [CompletionResultType]::ParameterName, 'Apply the safe fixes in place (files are replaced atomically), then report what remains')
            [CompletionResult]::new('--diff', '--diff', [CompletionResultType]::ParameterName, 'Print the fixes as a unified diff and write nothing; exit 1 if there is anything to fix')
            [CompletionResult]::new('--unsafe-fixes', '--unsafe-fixes', [CompletionResultType]::ParameterName, 'With --fix or --diff: the unsafe fixes too (a misspelt key renamed, a misplaced key moved)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ssq-gen;check' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--glob', '--glob', [CompletionResultType]::ParameterName, 'Which files in folders are read (repeatable; replaces the command''s default names, below; `!GLOB` leaves files out)')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'Profile format; by default from the extension, else from the content')
            [CompletionResult]::new('--ignore', '--ignore', [CompletionResultType]::ParameterName, 'Don''t report these warnings, by code (repeatable, comma-separated); errors cannot be ignored')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Follow symbolic links found while walking folders (named paths are always read as given)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Follow symbolic links found while walking folders (named paths are always read as given)')
            [CompletionResult]::new('--allow-empty', '--allow-empty', [CompletionResultType]::ParameterName, 'Succeed when no file is found (by default that is an error: a mistyped path or --glob)')
            [CompletionResult]::new('--hidden', '--hidden', [CompletionResultType]::ParameterName, 'Walk hidden files and folders too (.github/, .config/)')
            [CompletionResult]::new('--deny-warnings', '--deny-warnings', [CompletionResultType]::ParameterName, 'Treat warnings as errors')
            [CompletionResult]::new('--fix', '--fix', [CompletionResultType]::ParameterName, 'Apply the safe fixes in place (files are replaced atomically), then report what remains')
            [CompletionResult]::new('--diff', '--diff', [CompletionResultType]::ParameterName, 'Print the fixes as a unified diff and write nothing; exit 1 if there is anything to fix')
            [CompletionResult]::new('--unsafe-fixes', '--unsafe-fixes', [CompletionResultType]::ParameterName, 'With --fix or --diff: the unsafe fixes too (a misspelt key renamed, a misplaced key moved)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ssq-gen;audit' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--glob', '--glob', [CompletionResultType]::ParameterName, 'Which files in folders are read (repeatable; replaces the command''s default names, below; `!GLOB` leaves files out)')
            [CompletionResult]::new('--ignore', '--ignore', [CompletionResultType]::ParameterName, 'Don''t report these warnings, by code (repeatable, comma-separated); errors cannot be ignored')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Follow symbolic links found while walking folders (named paths are always read as given)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Follow symbolic links found while walking folders (named paths are always read as given)')
            [CompletionResult]::new('--allow-empty', '--allow-empty', [CompletionResultType]::ParameterName, 'Succeed when no file is found (by default that is an error: a mistyped path or --glob)')
            [CompletionResult]::new('--hidden', '--hidden', [CompletionResultType]::ParameterName, 'Walk hidden files and folders too (.github/, .config/)')
            [CompletionResult]::new('--deny-warnings', '--deny-warnings', [CompletionResultType]::ParameterName, 'Treat warnings as errors')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ssq-gen;import' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the profile to FILE (TOML; JSON when it ends in .json), replaced atomically')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the profile to FILE (TOML; JSON when it ends in .json), replaced atomically')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ssq-gen;csp' {
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'Profile format; by default from the extension, else from the content')
            [CompletionResult]::new('--ignore', '--ignore', [CompletionResultType]::ParameterName, 'Don''t report these warnings, by code (repeatable, comma-separated); errors cannot be ignored')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The form the block is inlined in: html hashes the <script> element''s content, js the whole file, its header comment included')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics')
            [CompletionResult]::new('--deny-warnings', '--deny-warnings', [CompletionResultType]::ParameterName, 'Treat warnings as errors')
            [CompletionResult]::new('--logout', '--logout', [CompletionResultType]::ParameterName, 'The sources for the block rendered with `snippet --logout`')
            [CompletionResult]::new('--trusted-types', '--trusted-types', [CompletionResultType]::ParameterName, 'Print the directive a page that requires Trusted Types adds instead: `trusted-types ssq-gen`, and `default` for a PROFILE with `loader.trusted_types_default`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ssq-gen;login-data' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the fragment to FILE (replaced atomically) instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the fragment to FILE (replaced atomically) instead of standard output')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ssq-gen;init' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Write JSON (with a "$schema" key) instead of commented TOML; the default name is then profile.ssq.json')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ssq-gen;schema' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ssq-gen;man' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ssq-gen;completions' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ssq-gen;rules' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ssq-gen;preview' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port on 127.0.0.1; 0 picks a free one')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics')
            [CompletionResult]::new('--live', '--live', [CompletionResultType]::ParameterName, 'Load the real SaleSmartly loader instead of the preview''s stand-in widget')
            [CompletionResult]::new('--open', '--open', [CompletionResultType]::ParameterName, 'Open the page in the system''s browser')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ssq-gen;lsp' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ssq-gen;help' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show only what fails the run: errors, and warnings under --deny-warnings; no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
