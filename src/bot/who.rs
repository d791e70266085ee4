//! Who sent an update: member record, language, and role, loaded once per update.

use teloxide::types::User;

use crate::platform::ctx::AppCtx;
use super::State;
use crate::platform::db::DbResult;
use crate::platform::i18n::Lang;
use crate::kernel::members::{Actor, Member, UserId, roles, users};

/// The person behind a private update.
#[derive(Debug, Clone)]
pub struct Who {
    pub user_id: UserId,
    pub first_name: String,
    pub username: Option<String>,
    /// `Some` only while membership consent stands.
    pub member: Option<Member>,
    pub lang: Lang,
    pub actor: Actor,
}

impl Who {
    pub async fn load(ctx: &AppCtx, user: &User, state: &State) -> DbResult<Who> {
        let user_id = UserId(user.id.0 as i64);
        let member = users::consenting(&ctx.db, user_id).await?;
        let lang = match (&member, state) {
            (Some(m), _) => Lang::from_code(&m.language).unwrap_or_default(),
            (None, State::Notice { lang, .. }) => *lang,
            (None, _) => Lang::guess(user.language_code.as_deref()),
        };
        let actor = roles::actor(&ctx.db, user_id, ctx.config.is_admin(user.id)).await?;
        Ok(Who {
            user_id,
            first_name: user.first_name.clone(),
            username: user.username.clone(),
            member,
            lang,
            actor,
        })
    }
}
