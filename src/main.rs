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
    /// Print the keys in effect that are derived from session_key unless given (data_key,
    /// audit_key), as environment lines (secrets): set them before changing session_key, so
    /// that what the data key sealed still opens and the staff audit's fingerprints still
    /// find their entries.
    Keys,
    /// Print the README's personal-data table (src/privacy.rs, in English, with the
    /// default settings).
    PrivacyTable,
    /// API clients of a company (OAuth 2.0 client credentials).
    ApiClient {
        #[command(subcommand)]
        command: ApiClientCommand,
    },
    /// Demo tenants for trainers: a world of one's own at {name}.{demo_base_host}, with a
    /// clock that moves.
    Tenant {
        #[command(subcommand)]
        command: TenantCommand,
    },
    /// Development tools (refused in production mode).
    Dev {
        #[command(subcommand)]
        command: DevCommand,
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
enum DevCommand {
    /// Fill the database with a generated world at scale (docs in src/demo/generate.rs):
    /// the demo world, then K companies (one large), N requests over every status, their
    /// transitions, and M consultations; set-based SQL, in one transaction. Use a fresh
    /// database.
    Generate {
        /// Access requests to make.
        #[arg(long, default_value_t = 10_000)]
        requests: i64,
        /// Consultation audit rows to make.
        #[arg(long, default_value_t = 50_000)]
        consultations: i64,
        /// Companies to make (one of them, or the demo's Resto Pokébowl, holds a tenth of
        /// the requests).
        #[arg(long, default_value_t = 100)]
        companies: i64,
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
enum TenantCommand {
    /// Make a demo tenant: a database of its own, seeded with the demo world (or the
    /// trainer's own source files) at its clock's instant.
    Create {
        /// Its name: lowercase letters, digits and dashes, starting with a letter (at most 30).
        name: String,
        /// Its language (its pages' default, its demo sign-in).
        #[arg(long, value_parser = ["fr", "nl", "de", "en"], default_value = "fr")]
        language: String,
        /// The instant its world starts at: 2025-03-05T09:30 (Brussels time), an RFC 3339
        /// instant, or a day (midnight in Brussels). Default: now.
        #[arg(long, value_name = "INSTANT")]
        clock: Option<String>,
        /// A folder with the trainer's own persons.csv, occupations.csv, student_hours.csv,
        /// student_quota.csv (docs/import.md) instead of the demo world.
        #[arg(long, value_name = "DIR")]
        sources: Option<PathBuf>,
        /// Its last day (2025-03-12); default and latest: demo_tenant_days from today.
        #[arg(long, value_name = "DATE")]
        expires: Option<String>,
    },
    /// List the demo tenants, one per line.
    List,
    /// Move a tenant's clock forward, running every job the elapsed time would have run.
    Clock {
        /// The tenant.
        name: String,
        /// How far: 30min, 72h, 3d, 2w, 1month, 1y.
        #[arg(long, conflicts_with = "to", required_unless_present = "to")]
        advance: Option<String>,
        /// To an instant (as --clock of create).
        #[arg(long, value_name = "INSTANT")]
        to: Option<String>,
    },
    /// Give back the tenant's seeded world and its start instant.
    Reset {
        /// The tenant.
        name: String,
    },
    /// Delete the tenant and its database.
    Delete {
        /// The tenant.
        name: String,
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

fn run(command: Command, settings: Settings) -> anyhow::Result<()> {
    match command {
        Command::Config | Command::PrivacyTable => Ok(()),
        Command::Keys => {
            use base64::Engine;
            let audit =
                base64::engine::general_purpose::STANDARD.encode(settings.audit_key_bytes());
            println!("MANDAT_DATA_KEY={}", settings.data_key().expose_secret());
            println!("MANDAT_AUDIT_KEY={audit}");
            Ok(())
        }
        Command::Import {
            persons,
            occupations,
            student_hours,
            student_quota,
        } => import(
            &settings,
            &mandat::sources::import::ImportFiles {
                persons,
                occupations,
                student_hours,
                student_quota,
            },
        ),
        Command::Migrate => migrate(&settings),
        Command::SeedDemo => seed_demo(&settings),
        Command::Serve { bind } => serve(settings, bind),
        Command::ApiClient {
            command:
                ApiClientCommand::Create {
                    company,
                    name,
                    scopes,
                },
        } => create_api_client(&settings, &company, &name, &scopes),
        Command::Tenant { command } => tenant_command(command, settings),
        Command::Dev {
            command:
                DevCommand::Generate {
                    requests,
                    consultations,
                    companies,
                },
        } => generate(
            &settings,
            mandat::demo::generate::Sizes {
                requests,
                consultations,
                companies,
            },
        ),
        Command::Jobs { command } => match command {
            JobsCommand::List => {
                for job in Job::ALL {
                    println!("{}", job.name());
                }
                Ok(())
            }
            JobsCommand::RunOnce { name } => run_job_once(settings, &name),
        },
    }
}

/// `mandat import`: the authentic sources' CSV files into their tables.
fn import(settings: &Settings, files: &mandat::sources::import::ImportFiles) -> anyhow::Result<()> {
    let mut conn = connect(settings)?;
    db::run_migrations(&mut conn)?;
    let report = mandat::sources::import::run(&mut conn, files)?;
    println!("imported: {report}");
    Ok(())
}

/// `mandat migrate`: the main database, then every demo tenant's (their template is rebuilt
/// at the next creation: its name carries the migrations it holds).
fn migrate(settings: &Settings) -> anyhow::Result<()> {
    let mut conn = connect(settings)?;
    let n = db::run_migrations(&mut conn)?;
    println!("{n} migration(s) applied");
    if let Some(problem) = db::migrations::schema_state(&mut conn)?.problem() {
        eprintln!("mandat: warning: {problem}");
    }
    for database in db::demo_tenants::databases(&mut conn)? {
        let url =
            db::databases::url_with_database(settings.database_url.expose_secret(), &database);
        let mut tenant = PgConnection::establish(&url)
            .map_err(|e| anyhow::anyhow!("demo tenant database {database}: {e}"))?;
        let n = db::run_migrations(&mut tenant)?;
        if n > 0 {
            println!("{n} migration(s) applied to the demo tenant database {database}");
        }
    }
    Ok(())
}

/// `mandat seed-demo`: the demo world (never in production mode).
fn seed_demo(settings: &Settings) -> anyhow::Result<()> {
    if !settings.mode.is_demo() {
        anyhow::bail!("seed-demo refuses to run in production mode");
    }
    let mut conn = connect(settings)?;
    db::run_migrations(&mut conn)?;
    let report = mandat::demo::seed_demo_with(
        &mut conn,
        &mandat::sources::PgSources,
        SystemClock.now(),
        &settings.public_url_citizen,
        &settings.keyring,
    )?;
    println!("demo world loaded: {report}");
    Ok(())
}

/// `mandat serve`: the application, until stopped.
fn serve(mut settings: Settings, bind: Option<std::net::SocketAddr>) -> anyhow::Result<()> {
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

/// `mandat api-client create`: credentials for a registered company's integrator.
fn create_api_client(
    settings: &Settings,
    company: &str,
    name: &str,
    scopes: &[String],
) -> anyhow::Result<()> {
    use mandat::services::api_clients::{ApiScope, NewClient, ValidClient, create_client};
    let bce = mandat::domain::Bce::parse(company)
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
    let client = ValidClient::try_from(&NewClient {
        name: name.to_string(),
        scopes,
    })
    .map_err(|errors| {
        let why: Vec<String> = errors
            .values()
            .map(|key| mandat::i18n::Lang::En.t(key))
            .collect();
        anyhow::anyhow!("--name {name:?}: {}", why.join(" "))
    })?;
    let mut conn = connect(settings)?;
    db::run_migrations(&mut conn)?;
    let company = mandat::services::companies::find_by_bce(&mut conn, &bce)?
        .ok_or_else(|| anyhow::anyhow!("no company is registered with {}", bce.formatted()))?;
    let creds = create_client(&mut conn, company.id, &client, SystemClock.now())?;
    println!("client_id={}", creds.client_id);
    println!("client_secret={}", creds.client_secret);
    Ok(())
}

/// `mandat dev generate`: the demo world, then a world at scale for the benchmarks (never
/// in production mode).
fn generate(settings: &Settings, sizes: mandat::demo::generate::Sizes) -> anyhow::Result<()> {
    if !settings.mode.is_demo() {
        anyhow::bail!(
            "dev generate refuses to run in production mode: it writes a fictional world \
             (set mode = \"development\" or \"demo\", on a database of its own)"
        );
    }
    let mut conn = connect(settings)?;
    db::run_migrations(&mut conn)?;
    let started = std::time::Instant::now();
    let now = SystemClock.now();
    mandat::demo::seed_demo_with(
        &mut conn,
        &mandat::sources::PgSources,
        now,
        &settings.public_url_citizen,
        &settings.keyring,
    )?;
    let made = mandat::demo::generate::generate(&mut conn, sizes, now, settings.blocked_tab_days)?;
    println!(
        "generated: {made} in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `mandat jobs run-once NAME`: one run of a job on the main database, unless it is running
/// elsewhere.
fn run_job_once(settings: Settings, name: &str) -> anyhow::Result<()> {
    let job = Job::parse(name).ok_or_else(|| {
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
            session_clock: Arc::new(SystemClock),
            settings: Arc::new(settings),
            demo: false,
        };
        match jobs::run_once(&ctx, job).await? {
            Some(n) => println!("{}: {n} row(s)", job.name()),
            None => println!("{}: already running elsewhere", job.name()),
        }
        Ok(())
    })
}

/// An instant as the tenant commands print it: the Brussels wall clock.
fn brussels(at: chrono::DateTime<chrono::Utc>) -> String {
    at.with_timezone(&chrono_tz::Europe::Brussels)
        .format("%Y-%m-%d %H:%M Brussels")
        .to_string()
}

/// The value of `result`, or `None` with its error added to `refused`.
fn given<T>(refused: &mut Vec<String>, result: anyhow::Result<T>) -> Option<T> {
    result.map_err(|e| refused.push(format!("{e:#}"))).ok()
}

fn tenant_command(command: TenantCommand, settings: Settings) -> anyhow::Result<()> {
    use mandat::{
        demo::tenants::{NewTenant, TenantOps},
        domain::tenant::{ClockMove, Step, TenantName, parse_day, parse_instant},
        i18n::Lang,
        sources::import::SourceTexts,
    };
    let name_of =
        |text: &str| TenantName::parse(text).map_err(|e| anyhow::anyhow!("{text:?}: {e}"));
    let mut conn = connect(&settings)?;
    db::run_migrations(&mut conn)?;
    drop(conn);
    let ops = TenantOps::new(
        Arc::new(settings),
        Arc::new(mandat::sources::PgSources),
        Arc::new(SystemClock),
    );
    match command {
        TenantCommand::Create {
            name,
            language,
            clock,
            sources,
            expires,
        } => {
            // Every refusal at once, a line each (the trainers' form does the same).
            let mut refused: Vec<String> = Vec::new();
            let checked_name = given(&mut refused, name_of(&name));
            let clock = clock.as_deref().and_then(|text| {
                let parsed =
                    parse_instant(text).map_err(|e| anyhow::anyhow!("--clock {text:?}: {e}"));
                given(&mut refused, parsed)
            });
            let expires = expires.as_deref().and_then(|text| {
                let parsed =
                    parse_day(text).map_err(|e| anyhow::anyhow!("--expires {text:?}: {e}"));
                given(&mut refused, parsed)
            });
            let sources = sources.as_deref().and_then(|dir| {
                let read =
                    SourceTexts::from_dir(dir).map_err(|e| anyhow::anyhow!("--sources: {e}"));
                given(&mut refused, read)
            });
            refused.extend(
                ops.check(clock, expires, sources.as_ref())
                    .iter()
                    .map(ToString::to_string),
            );
            let Some(name) = checked_name.filter(|_| refused.is_empty()) else {
                anyhow::bail!("{}", refused.join("\n"));
            };
            let new = NewTenant {
                name,
                language: Lang::from_code(&language).unwrap_or_default(),
                clock,
                expires,
                sources,
                by: None,
                form_key: None,
            };
            let made = ops.create(&new)?;
            println!(
                "created {} at {} ({}, clock {}, until {}) in {:.2} s",
                made.name,
                made.url,
                made.language.code(),
                brussels(made.clock),
                brussels(made.expires_at),
                made.took.as_secs_f64()
            );
            Ok(())
        }
        TenantCommand::List => {
            let tenants = ops.list()?;
            if tenants.is_empty() {
                println!("no demo tenants");
            }
            for t in tenants {
                println!(
                    "{} {} {} clock {} until {} signed-in {}{}",
                    t.tenant.name,
                    t.url,
                    t.tenant.language.code(),
                    brussels(t.tenant.clock_at),
                    brussels(t.tenant.expires_at),
                    t.signed_in.map_or("?".to_string(), |n| n.to_string()),
                    if t.own_sources { " (own sources)" } else { "" }
                );
            }
            Ok(())
        }
        TenantCommand::Clock { name, advance, to } => {
            let name = name_of(&name)?;
            let (flag, text) = match (&advance, &to) {
                (Some(a), _) => ("--advance", a.as_str()),
                (None, Some(t)) => ("--to", t.as_str()),
                (None, None) => anyhow::bail!("give --advance 72h or --to INSTANT"),
            };
            let mv = match flag {
                "--to" => parse_instant(text).map(ClockMove::To),
                _ => Step::parse(text).map(ClockMove::Advance),
            }
            .map_err(|e| anyhow::anyhow!("{flag} {text:?}: {e}"))?;
            let moved = ops.move_clock(&name, mv, None)?;
            if moved.from == moved.to {
                println!(
                    "{}: the clock already shows {}",
                    moved.name,
                    brussels(moved.to)
                );
            } else {
                println!(
                    "{}: clock moved from {} to {}; {} job runs changed {} row(s), in {:.2} s",
                    moved.name,
                    brussels(moved.from),
                    brussels(moved.to),
                    moved.catch_up.runs,
                    moved.catch_up.rows,
                    moved.took.as_secs_f64()
                );
            }
            Ok(())
        }
        TenantCommand::Reset { name } => {
            let made = ops.reset(&name_of(&name)?, None)?;
            println!(
                "reset {}: its world as seeded, clock back at {}, in {:.2} s",
                made.name,
                brussels(made.clock),
                made.took.as_secs_f64()
            );
            Ok(())
        }
        TenantCommand::Delete { name } => {
            let name = name_of(&name)?;
            ops.delete(&name, None)?;
            println!("deleted {name}");
            Ok(())
        }
    }
}
