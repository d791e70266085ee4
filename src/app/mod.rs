//! Builds the pieces (database, Telegram client, dispatcher) and runs them until a
//! shutdown signal. `kimbot run`, the sandbox and the tests all go through here.

mod ack;
mod architecture;
mod contain;
mod console;
mod http;
pub mod jobs;
mod observe;
pub mod registry;
mod updates;
mod wiring;

pub use crate::platform::ctx::AppCtx;
pub use registry::registry;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use teloxide::dispatching::dialogue::{ErasedStorage, Storage};
use teloxide::prelude::*;

use crate::platform::config::{Config, ConfigError};
use crate::platform::db::{Db, DbError, SharedClock};
use crate::platform::delivery::limiter::Rate;
use crate::platform::delivery::{Outbox, RateLimiter, ReplyBot};
use crate::bot::{DbStorage, HandlerError, Registry, RegistryError, State};

/// Why the application could not start or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("features do not plug together: {0}")]
    Registry(#[from] RegistryError),
    #[error("cannot reach Telegram at {url}: {source} (check TELOXIDE_TOKEN and TELOXIDE_API_URL)")]
    Telegram { url: String, source: teloxide::RequestError },
    #[error("cannot listen on {addr}: {source} (set KIMBOT_HTTP_ADDR to a free host:port, or off)")]
    Http { addr: String, source: std::io::Error },
    #[error("KIMBOT_TELEGRAM_WEBHOOK_URL needs the HTTP listener: set KIMBOT_HTTP_ADDR (not off)")]
    WebhookWithoutHttp,
}

pub struct App {
    ctx: Arc<AppCtx>,
    bot: Bot,
    registry: Arc<Registry>,
    /// Bound at build time, served while running (`None`: `KIMBOT_HTTP_ADDR=off`).
    http: Option<tokio::net::TcpListener>,
}

impl App {
    /// Connects to the database (migrating it) and to Telegram (`getMe`), so a wrong
    /// token or URL fails here, at start-up, with one clear line.
    pub async fn build(config: Config, clock: SharedClock) -> Result<App, AppError> {
        let registry = Arc::new(registry()?);
        let token = config.require_token()?;
        let db = Db::connect_with(&config.database_url, config.backend, config.pools).await?;
        db.migrate().await?;
        registry::upgrade_data(&db, clock.now()).await?;
        let mut bot = Bot::new(token.expose());
        if let Some(url) = &config.api_url {
            bot = bot.set_api_url(url.clone());
        }
        let url = bot.api_url().to_string();
        let me = bot.get_me().await.map_err(|source| AppError::Telegram { url, source })?;
        let bot_username = me.username().to_string();
        let outbox = Outbox::new(db.clone(), clock.clone());
        let ops = Arc::new(crate::platform::ops::Ops::default());
        ops.telegram_reached();
        let http = match config.http.addr {
            Some(addr) => Some(http::bind(addr).await?),
            None => None,
        };
        crate::kernel::audience::segment::install(registry::audience_segments());
        let ctx = Arc::new(AppCtx { db, config: Arc::new(config), clock, bot_username, outbox, webhook_wake: Default::default(), ops, personal_data: registry::personal_data(), consent_purposes: registry::consent_purposes(), role_lost: registry::role_lost_hooks(), audit_words: registry::audit_words(), webhook_events: registry::webhook_events(), period_reports: registry::period_reports(), backlogs: registry::backlogs(), console_exports: Arc::new(tokio::sync::Semaphore::new(crate::web::console::EXPORTS_AT_ONCE)) });
        Ok(App { ctx, bot, registry, http })
    }

    /// Serves HTTP on `listener` instead of `KIMBOT_HTTP_ADDR` (the sandbox and the
    /// tests bind port 0 first, to know the address for `KIMBOT_PUBLIC_URL`).
    pub fn with_http_listener(mut self, listener: tokio::net::TcpListener) -> Self {
        self.http = Some(listener);
        self
    }

    /// The address HTTP is served on, if any.
    pub fn http_addr(&self) -> Option<std::net::SocketAddr> {
        self.http.as_ref().and_then(|l| l.local_addr().ok())
    }

    pub fn ctx(&self) -> Arc<AppCtx> {
        self.ctx.clone()
    }

    /// Serves updates (long polling, or the webhook in webhook mode) until `shutdown`
    /// resolves, then finishes the updates in hand and closes the pool.
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) -> Result<(), AppError> {
        let App { ctx, bot, registry, http } = self;
        let acks = Arc::new(crate::platform::intake::Acks::default());
        let webhook = match &ctx.config.telegram_webhook {
            Some(_) if http.is_none() => return Err(AppError::WebhookWithoutHttp),
            Some(hook) => Some(updates::webhook(&ctx, &bot, hook, acks.clone()).await?),
            None => None,
        };
        let (webhook, webhook_routes) = webhook.unzip();
        if let Err(error) = crate::bot::set_default_menus(&bot, &registry).await {
            tracing::warn!(%error, "could not set the command menus; continuing");
        }
        match crate::bot::prune_processed(&ctx).await {
            Ok(n) => tracing::debug!(pruned = n, "old update ids forgotten"),
            Err(error) => tracing::warn!(%error, "could not prune processed updates"),
        }
        let storage: Arc<ErasedStorage<State>> = DbStorage::new(ctx.db.clone(), ctx.clock.clone()).erase();
        // One flood budget per process, shared by handlers' answers and the outbox worker.
        let paid_lane = ctx.config.emergency.paid.map(|p| Rate::new(p.per_second as usize, std::time::Duration::from_secs(1)));
        let limiter = RateLimiter::with_paid_lane(ctx.config.delivery.limits(), paid_lane);
        let replies = ReplyBot::new(bot.clone(), limiter.clone());
        let mut dispatcher = Dispatcher::builder(bot.clone(), observe::timed(ctx.ops.clone(), ack::acknowledged(acks, contain::contained(registry::with_feature_updates(crate::bot::schema())))))
            .dependencies(dptree::deps![ctx.clone(), storage, replies, registry])
            .default_handler(|update| async move { tracing::debug!(?update.kind, "update not handled") })
            .error_handler(Arc::new(|error: HandlerError| async move {
                tracing::error!(%error, "update failed");
            }))
            .build();
        let (stop_workers, workers_stop) = tokio::sync::watch::channel(false);
        let running = jobs::spawn(jobs::all(&ctx, bot.clone(), limiter, &workers_stop));
        let mut routes = crate::web::router(ctx.clone(), &registry::console_pages(), registry::nav_badges());
        if let Some(webhook_routes) = webhook_routes {
            routes = routes.merge(webhook_routes);
        }
        let serving = http.map(|listener| http::serve(listener, routes, ctx.config.http.limits, workers_stop.clone()));
        let token = dispatcher.shutdown_token();
        tokio::spawn(async move {
            shutdown.await;
            let _ = stop_workers.send(true);
            tracing::info!("shutting down: finishing updates in hand");
            // The dispatcher may still be starting; retry until it accepts the request.
            // Its returned future is not awaited: teloxide can miss waking it (the
            // waiter registers on first poll); `dispatch_with_listener` returning
            // below is what says dispatching is over.
            while token.shutdown().is_err() {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        });
        match webhook {
            Some(listener) => dispatcher.dispatch_with_listener(listener, LoggingErrorHandler::new()).await,
            None => {
                let listener = updates::polling(bot).await;
                dispatcher.dispatch_with_listener(listener, LoggingErrorHandler::with_custom_text("getUpdates failed")).await
            }
        }
        jobs::join(running).await;
        if let Some(serving) = serving
            && let Err(error) = serving.await
        {
            tracing::error!(%error, "HTTP listener panicked");
        }
        ctx.db.close().await;
        tracing::info!("stopped");
        Ok(())
    }
}

/// Resolves on Ctrl-C or SIGTERM, whichever comes first.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
