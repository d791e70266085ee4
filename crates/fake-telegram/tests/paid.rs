//! Paid broadcast: sends with `allow_paid_broadcast` have their own limit (1,000/s by
//! default) instead of the global 30/s; everything else keeps the free limits.

use fake_telegram::{FakeTelegram, Limits};
use teloxide::RequestError;
use teloxide::prelude::*;

#[tokio::test]
async fn paid_sends_pass_the_free_global_limit_and_meet_their_own() {
    let fake = FakeTelegram::start().await;
    fake.enforce_limits(true);
    let bot = fake.bot();
    for id in (0..40).map(|i| -2_000 - i).chain((0..31).map(|i| -3_000 - i)).chain([-4_000]) {
        fake.group(id, "KIM");
    }
    for i in 0..40 {
        let mut send = bot.send_message(ChatId(-2_000 - i), "Peringatan banjir");
        send.allow_paid_broadcast = Some(true);
        send.await.unwrap();
    }
    for i in 0..30 {
        bot.send_message(ChatId(-3_000 - i), "Pengumuman").await.unwrap();
    }
    let free = bot.send_message(ChatId(-4_000), "Pengumuman ke-31").await.unwrap_err();

    let tight = FakeTelegram::start().await;
    tight.enforce_limits(true);
    tight.set_limits(Limits { paid_max: 3, ..Limits::default() });
    for i in 0..4 {
        tight.group(-5_000 - i, "KIM");
    }
    let mut refused = None;
    for i in 0..4 {
        let mut send = tight.bot().send_message(ChatId(-5_000 - i), "Peringatan");
        send.allow_paid_broadcast = Some(true);
        if let Err(e) = send.await {
            refused = Some(e);
        }
    }

    assert!(matches!(free, RequestError::RetryAfter(_)), "{free:?}");
    assert!(matches!(refused, Some(RequestError::RetryAfter(_))), "{refused:?}");
    let (stats, tight) = (fake.stats(), tight.stats());
    assert_eq!((stats.paid_sends_ok, stats.paid_violations, stats.global_violations), (40, 0, 1));
    assert_eq!((tight.paid_sends_ok, tight.paid_violations), (3, 1));
}
