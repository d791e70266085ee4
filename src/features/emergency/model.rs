//! Who may send an emergency warning, what it reaches and what it can cost.

use crate::kernel::members::Actor;
use crate::platform::config::EmergencyConfig;
use crate::platform::delivery::paid::max_stars;

/// Telegram's limit on a caption; a photo's warning text must fit it.
pub const CAPTION_MAX: usize = 1024;
/// Telegram's limit on a text, less room for the warning's header line.
pub const TEXT_MAX: usize = 3900;
/// Telegram lets a bot delete its messages only this long after sending.
pub const RECALL_WINDOW_SECS: i64 = 48 * 3600;

/// Admins, and staff whose Telegram id the operator listed in `KIMBOT_EMERGENCY_STAFF`
/// (within their own areas: see [`crate::kernel::audience::targets::may_target_area`]).
pub fn may_warn(actor: &Actor, config: &EmergencyConfig) -> bool {
    actor.is_admin || (!actor.staff_areas.is_empty() && config.staff.contains(&actor.user_id.get()))
}

/// How far one warning goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reach {
    pub groups: u64,
    pub people: u64,
}

impl Reach {
    pub fn messages(&self) -> u64 {
        self.groups + self.people
    }
}

/// What sending `reach` means under the operator's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cost {
    /// Free limits (about 30 messages/s), still ahead of the queue.
    Free,
    /// Paid broadcast, costing at most `stars`.
    Paid { stars: u64 },
    /// Paid broadcast, but it could cost more than the budget allows.
    OverBudget { stars: u64, max: u64 },
}

/// The cost of `reach`: free without paid broadcast, else at most 0.1 Star a message.
pub fn cost(reach: Reach, config: &EmergencyConfig) -> Cost {
    let Some(paid) = config.paid else { return Cost::Free };
    let stars = max_stars(reach.messages());
    if stars > paid.max_stars { Cost::OverBudget { stars, max: paid.max_stars } } else { Cost::Paid { stars } }
}

/// The longest warning text allowed (a photo's caption is shorter).
pub fn text_max(with_photo: bool) -> usize {
    if with_photo { CAPTION_MAX - 100 } else { TEXT_MAX }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::members::{KimId, UserId};
    use crate::platform::config::PaidBroadcast;

    fn actor(admin: bool, staff: bool, id: i64) -> Actor {
        let staff_areas = if staff { vec!["palembang".to_string()] } else { Vec::new() };
        Actor { user_id: UserId(id), is_admin: admin, staff_areas, coordinator_kims: vec![KimId(1)], ..Actor::default() }
    }

    #[test]
    fn admins_and_listed_staff_may_warn_and_nobody_else() {
        let config = EmergencyConfig { staff: vec![7, 8], paid: None };
        let cases = [(true, false, 1, true), (false, true, 7, true), (false, true, 9, false), (false, false, 8, false)];
        for (admin, staff, id, expected) in cases {
            assert_eq!(may_warn(&actor(admin, staff, id), &config), expected, "{admin} {staff} {id}");
        }
    }

    #[test]
    fn the_cost_is_free_without_paid_broadcast_and_refused_over_budget() {
        let reach = Reach { groups: 5000, people: 1001 };
        let paid = |max_stars| EmergencyConfig { staff: vec![], paid: Some(PaidBroadcast { max_stars, per_second: 1000, concurrency: 8 }) };
        assert_eq!(cost(reach, &EmergencyConfig::default()), Cost::Free);
        assert_eq!(cost(reach, &paid(601)), Cost::Paid { stars: 601 });
        assert_eq!(cost(reach, &paid(600)), Cost::OverBudget { stars: 601, max: 600 });
    }
}
