//! *Bantuan*: one page explaining the console — what each ticket status means, the
//! service levels in force (from the configuration), what each role may do, and what
//! each page of the navigation is for (the entries this person sees). Every word is
//! from `messages/`, in the reader's language.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::html;

use super::pages::NavEntry;
use super::{ConsoleError, Ctx, Staff, layout};
use crate::platform::i18n::{Arg, t, ta};

/// *Bantuan* in the navigation: last, for everyone (officers included).
pub const NAV: NavEntry = NavEntry { path: "/dasbor/bantuan", label: "console-nav-help", order: 90, shown: |_| true };

/// Ticket statuses in their order of work, and the roles from the least to the most.
const STATUSES: [&str; 5] = ["diterima", "diteruskan", "ditindaklanjuti", "selesai", "ditolak"];
const ROLES: [&str; 4] = ["officer", "coordinator", "staff", "admin"];

pub async fn page(State(ctx): State<Ctx>, staff: Staff) -> Result<Response, ConsoleError> {
    let lang = staff.lang;
    let sla = &ctx.config.sla;
    let days = |n: u32| Arg::from(i64::from(n));
    let body = html! {
        section.card {
            h2 { (t(lang, "console-help-statuses")) }
            dl {
                @for code in STATUSES {
                    dt { (t(lang, &format!("asp-status-{code}"))) }
                    dd { (t(lang, &format!("console-help-status-{code}"))) }
                }
            }
        }
        section.card {
            h2 { (t(lang, "console-help-sla")) }
            ul {
                li { (ta(lang, "console-help-sla-first", &[("days", days(sla.working_days))])) }
                li { (ta(lang, "console-help-sla-opd-response", &[("days", days(sla.opd_response_days))])) }
                li { (ta(lang, "console-help-sla-opd-done", &[("days", days(sla.opd_done_days))])) }
            }
            (layout::glossary(lang, sla.working_days, true))
        }
        section.card {
            h2 { (t(lang, "console-help-roles")) }
            dl {
                @for code in ROLES {
                    dt { (t(lang, &format!("role-{code}"))) }
                    dd { (t(lang, &format!("console-help-role-{code}"))) }
                }
            }
        }
        section.card {
            h2 { (t(lang, "console-help-pages")) }
            dl {
                @for entry in staff.nav.0.iter().filter(|e| (e.shown)(&staff)) {
                    dt { a href=(entry.path) { (t(lang, entry.label)) } }
                    dd { (t(lang, &entry.label.replace("console-nav-", "console-help-page-"))) }
                }
            }
        }
    };
    Ok((layout::no_store(), layout::page(&staff, NAV.path, &t(lang, "console-help-title"), body)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::i18n::Lang;

    #[test]
    fn every_status_and_role_is_explained_in_both_languages() {
        let mut keys: Vec<String> = STATUSES.iter().map(|c| format!("console-help-status-{c}")).collect();
        keys.extend(ROLES.iter().map(|c| format!("console-help-role-{c}")));
        for key in keys {
            for lang in [Lang::Id, Lang::En] {
                assert_ne!(t(lang, &key), key, "{key} missing in {lang:?}");
            }
        }
    }
}
