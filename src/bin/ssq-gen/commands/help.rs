//! `ssq-gen help [COMMAND]`: the long help, like `--help`.

use crate::cli::Cli;
use crate::ui::print;
use clap::CommandFactory as _;
use ssq_gen::report::Status;

pub fn run(command: Option<&str>) -> Status {
    let mut cli = Cli::command();
    cli.build();
    let mut target = match command {
        Some(name) => cli.find_subcommand_mut(name).expect("clap checked the name").clone(),
        None => cli,
    };
    print(&target.render_long_help().to_string())
}
