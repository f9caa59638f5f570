//! The `mandat` command: serve, migrate, seed the demo world, run jobs.

use std::{path::PathBuf, process::ExitCode, sync::Arc};

use clap::{Parser, Subcommand};
use diesel::{Connection, PgConnection};
use mandat::{
    clock::{Clock, SystemClock},
    db,
    jobs::{self, Job, JobContext},
    settings::{OPTIONS, Settings},
    startup::Application,
    telemetry,
};
use secrecy::ExposeSecret;

/// Citizen-given, time-limited access to social-security answers.
#[derive(Parser)]
#[command(
    name = "mandat",
    version,
    about,
    after_help = "Configuration: a TOML file (--config) and environment variables; `mandat config` lists every option."
)]
struct Cli {
    /// A TOML configuration file (environment variables win over it).
    #[arg(long, global = true, env = "MANDAT_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (and the scheduled background jobs).
    Serve {
        /// Address to listen on, e.g. 127.0.0.1:8080 (overrides MANDAT_BIND).
        #[arg(long)]
        bind: Option<std::net::SocketAddr>,
    },
    /// Apply the database migrations.
    Migrate,
    /// Load the fictional demo world (idempotent; refuses to run in production mode).
    SeedDemo,
    /// Background jobs.
    Jobs {
        #[command(subcommand)]
        command: JobsCommand,
    },
    /// List every configuration option, its environment variable and its default.
    Config,
    /// Print the README's personal-data table (src/privacy.rs, in English, with the
    /// default settings).
    PrivacyTable,
    /// API clients of a company (OAuth 2.0 client credentials).
    ApiClient {
        #[command(subcommand)]
        command: ApiClientCommand,
    },
    /// Load the authentic sources from CSV files (docs/import.md): all or nothing,
    /// idempotent; every bad row is reported as `file:line: column: reason`.
    Import {
        /// persons.csv: the national register.
        #[arg(long, value_name = "FILE")]
        persons: Option<PathBuf>,
        /// occupations.csv: DmfA occupation lines.
        #[arg(long, value_name = "FILE")]
        occupations: Option<PathBuf>,
        /// student_hours.csv: Dimona STU hours.
        #[arg(long, value_name = "FILE")]
        student_hours: Option<PathBuf>,
        /// student_quota.csv: the yearly Student@Work quota.
        #[arg(long, value_name = "FILE")]
        student_quota: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum ApiClientCommand {
    /// Create a client; prints client_id and client_secret once (the secret is stored hashed).
    Create {
        /// The company's enterprise number.
        #[arg(long)]
        company: String,
        /// A name for the company's own list.
        #[arg(long)]
        name: String,
        /// A scope to grant (repeat): mandates, precontractual-data. Default: both.
        #[arg(long = "scope")]
        scopes: Vec<String>,
    },
}

#[derive(Subcommand)]
enum JobsCommand {
    /// Run one job once, now (e.g. `deliver-mail`).
    RunOnce {
        /// The job's name.
        name: String,
    },
    /// List the jobs.
    List,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Command::Config = cli.command {
        println!(
            "{:<28} {:<36} {:<40} meaning",
            "key", "environment", "default"
        );
        for o in OPTIONS {
            println!("{:<28} {:<36} {:<40} {}", o.key, o.env, o.default, o.help);
        }
        return ExitCode::SUCCESS;
    }
    if let Command::PrivacyTable = cli.command {
        return match Settings::from_pairs(&[]) {
            Ok(defaults) => {
                print!("{}", mandat::privacy::readme_table(&defaults));
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("mandat: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let settings = match Settings::load(cli.config.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("mandat: {e}");
            eprintln!("(`mandat config` lists every option with its default)");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = telemetry::init(&settings.log_format) {
        eprintln!("mandat: cannot set up logging: {e}");
        return ExitCode::FAILURE;
    }
    match run(cli.command, settings) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mandat: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn connect(settings: &Settings) -> anyhow::Result<PgConnection> {
    PgConnection::establish(settings.database_url.expose_secret())
        .map_err(|e| anyhow::anyhow!("cannot connect to the database (DATABASE_URL): {e}"))
}

/// Refuses to serve a database that lacks migrations of this binary; warns about one that
/// a newer binary migrated. A database that does not answer yet is served anyway (503 until
/// it does; `/readyz` tells why).
fn check_schema(settings: &Settings) -> anyhow::Result<()> {
    let mut conn = match connect(settings) {
        Ok(conn) => conn,
        Err(e) => {
            tracing::warn!(error = %e, "database unreachable at start: serving 503 until it answers");
            return Ok(());
        }
    };
    let state = db::migrations::schema_state(&mut conn)?;
    match state.problem() {
        Some(problem) if !state.is_servable() => anyhow::bail!("{problem}"),
        Some(problem) => tracing::warn!("{problem}"),
        None => {}
    }
    Ok(())
}

fn run(command: Command, mut settings: Settings) -> anyhow::Result<()> {
    match command {
        Command::Config | Command::PrivacyTable => Ok(()),
        Command::Import {
            persons,
            occupations,
            student_hours,
            student_quota,
        } => {
            let files = mandat::sources::import::ImportFiles {
                persons,
                occupations,
                student_hours,
                student_quota,
            };
            let mut conn = connect(&settings)?;
            db::run_migrations(&mut conn)?;
            let report = mandat::sources::import::run(&mut conn, &files)?;
            println!("imported: {report}");
            Ok(())
        }
        Command::Migrate => {
            let mut conn = connect(&settings)?;
            let n = db::run_migrations(&mut conn)?;
            println!("{n} migration(s) applied");
            if let Some(problem) = db::migrations::schema_state(&mut conn)?.problem() {
                eprintln!("mandat: warning: {problem}");
            }
            Ok(())
        }
        Command::SeedDemo => {
            if !settings.mode.is_demo() {
                anyhow::bail!("seed-demo refuses to run in production mode");
            }
            let mut conn = connect(&settings)?;
            db::run_migrations(&mut conn)?;
            let report = mandat::demo::seed_demo_with(
                &mut conn,
                &mandat::sources::PgSources,
                SystemClock.now(),
                &settings.public_url_citizen,
            )?;
            println!("demo world loaded: {report}");
            Ok(())
        }
        Command::Serve { bind } => {
            if let Some(bind) = bind {
                settings.bind = bind;
            }
            check_schema(&settings)?;
            let rt = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()?;
            rt.block_on(async move {
                let app = Application::build(settings, Arc::new(SystemClock))?;
                tracing::info!(port = app.port(), "listening");
                app.run_until_stopped().await?;
                Ok(())
            })
        }
        Command::ApiClient {
            command:
                ApiClientCommand::Create {
                    company,
                    name,
                    scopes,
                },
        } => {
            use mandat::services::api_clients::{ApiScope, create_client};
            let bce = mandat::domain::Bce::parse(&company)
                .map_err(|e| anyhow::anyhow!("--company {company:?}: {e}"))?;
            let scopes: Vec<ApiScope> = if scopes.is_empty() {
                ApiScope::ALL.to_vec()
            } else {
                scopes
                    .iter()
                    .map(|s| {
                        ApiScope::parse(s).ok_or_else(|| {
                            anyhow::anyhow!("unknown scope {s:?} (mandates, precontractual-data)")
                        })
                    })
                    .collect::<anyhow::Result<_>>()?
            };
            let mut conn = connect(&settings)?;
            db::run_migrations(&mut conn)?;
            let company =
                mandat::services::companies::find_by_bce(&mut conn, &bce)?.ok_or_else(|| {
                    anyhow::anyhow!("no company is registered with {}", bce.formatted())
                })?;
            let creds = create_client(&mut conn, company.id, &name, &scopes, chrono::Utc::now())
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("client_id={}", creds.client_id);
            println!("client_secret={}", creds.client_secret);
            Ok(())
        }
        Command::Jobs { command } => match command {
            JobsCommand::List => {
                for job in Job::ALL {
                    println!("{}", job.name());
                }
                Ok(())
            }
            JobsCommand::RunOnce { name } => {
                let job = Job::parse(&name).ok_or_else(|| {
                    let names: Vec<_> = Job::ALL.iter().map(|j| j.name()).collect();
                    anyhow::anyhow!("unknown job {name:?} (jobs: {})", names.join(", "))
                })?;
                let rt = tokio::runtime::Builder::new_multi_thread()
                    .enable_all()
                    .build()?;
                rt.block_on(async move {
                    let mut options = mandat::state::pool_options(&settings);
                    options.size = 2;
                    let pool = db::DbPool::new(settings.database_url.expose_secret(), &options);
                    let ctx = JobContext {
                        pool,
                        clock: Arc::new(SystemClock),
                        settings: Arc::new(settings),
                    };
                    match jobs::run_once(&ctx, job).await? {
                        Some(n) => println!("{}: {n} row(s)", job.name()),
                        None => println!("{}: already running elsewhere", job.name()),
                    }
                    Ok(())
                })
            }
        },
    }
}
