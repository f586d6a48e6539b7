//! `ssq-gen help [COMMAND]`: the long help, like `--help`.

use crate::cli;
use crate::ui::print;
use ssq_gen::report::Status;

pub fn run(command: Option<&str>) -> Status {
    let mut cli = cli::command();
    // Built, so that a subcommand's usage names the binary (`ssq-gen lint`, not `lint`).
    cli.build();
    let mut target = match command {
        Some(name) => cli.find_subcommand_mut(name).expect("clap checked the name").clone(),
        None => cli,
    };
    print(&target.render_long_help().to_string())
}
