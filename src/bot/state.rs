//! Where a private chat stands in a dialogue. Stored as JSON per chat, so a restart
//! (or another process) continues where the last message left off.
//!
//! The bot layer knows three states of its own (idle, the privacy notice, choosing a
//! KIM); every other dialogue belongs to a feature and is kept as that feature's own
//! JSON under its `kind`. The stored form is the one the old closed enum wrote
//! (`{"kind":"Umkm", …fields}`), so dialogues open at an upgrade carry on.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use teloxide::types::Message;

use crate::platform::i18n::Lang;

/// A feature's dialogue type, stored under its `KIND`.
///
/// `KIND` must be unique among features and must never change once released: it is
/// the key of dialogues stored in the database.
pub trait DialogState: Serialize + DeserializeOwned {
    const KIND: &'static str;
}

#[derive(Clone, Debug, Default, PartialEq)]
pub enum State {
    #[default]
    Idle,
    /// Privacy notice shown; waiting for agree/decline. Nothing is stored about the
    /// person yet beyond this row, which a decline removes.
    Notice { lang: Lang, payload: Option<String> },
    /// Consent given; waiting for a KIM code or a menu choice.
    ChooseKim,
    /// A feature's dialogue.
    Feature(FeatureState),
    /// Something arrived outside any dialogue ("halo pak", a pasted hoax, a photo, a
    /// location) and the likely actions were offered as buttons; the message is kept
    /// so the one chosen starts with it (see `bot::offer`).
    Offer { message: Box<Message> },
}

/// A feature's dialogue as stored: its kind and its own fields.
#[derive(Clone, Debug, PartialEq)]
pub struct FeatureState {
    kind: String,
    fields: Map<String, Value>,
}

/// A feature's view of the current state: idle, in its own dialogue, or in some other
/// dialogue (core or another feature's) that it must not act on.
#[derive(Clone, Debug, PartialEq)]
pub enum Current<D> {
    Idle,
    Mine(D),
    Other,
}

impl State {
    /// The stored state of a feature's dialogue.
    pub fn of<D: DialogState>(dialog: &D) -> Result<State, serde_json::Error> {
        match serde_json::to_value(dialog)? {
            // The envelope's own key: a dialogue field of that name would be lost on
            // the way back, so it is refused here rather than misread later.
            Value::Object(fields) if fields.contains_key("kind") => {
                Err(serde::ser::Error::custom(format!("dialogue {} has a field named `kind`, the stored envelope's key", D::KIND)))
            }
            Value::Object(fields) => Ok(State::Feature(FeatureState { kind: D::KIND.to_string(), fields })),
            // A unit variant, stored as serde's internally tagged enums store one.
            Value::String(variant) => {
                let fields = Map::from_iter([(variant, Value::Null)]);
                Ok(State::Feature(FeatureState { kind: D::KIND.to_string(), fields }))
            }
            other => Err(serde::ser::Error::custom(format!("dialogue {} is not a JSON object: {other}", D::KIND))),
        }
    }

    /// The kind of feature dialogue open, if any.
    pub fn feature_kind(&self) -> Option<&str> {
        match self {
            State::Feature(f) => Some(&f.kind),
            _ => None,
        }
    }

    /// This state as seen by the feature owning dialogues of type `D`. A stored
    /// dialogue that no longer decodes (changed between releases) reads as `Other`.
    pub fn current<D: DialogState>(&self) -> Current<D> {
        match self {
            // An offer pending is no dialogue: a feature may start its own over it.
            State::Idle | State::Offer { .. } => Current::Idle,
            State::Feature(f) if f.kind == D::KIND => match serde_json::from_value(Value::Object(f.fields.clone())) {
                Ok(d) => Current::Mine(d),
                Err(error) => {
                    tracing::warn!(kind = D::KIND, %error, "stored dialogue no longer decodes");
                    Current::Other
                }
            },
            _ => Current::Other,
        }
    }
}

impl<D> Current<D> {
    /// The feature's own dialogue, if it is the one open.
    pub fn mine(self) -> Option<D> {
        match self {
            Current::Mine(d) => Some(d),
            _ => None,
        }
    }
}

/// The core states' stored forms (the old enum's variants).
#[derive(Serialize, Deserialize)]
#[serde(tag = "kind")]
enum Core {
    Idle,
    Notice { lang: Lang, payload: Option<String> },
    ChooseKim,
    Offer { message: Box<Message> },
}

const CORE_KINDS: [&str; 4] = ["Idle", "Notice", "ChooseKim", "Offer"];

/// Whether `kind` is one of the core's own states (features may not take it).
pub fn is_core_kind(kind: &str) -> bool {
    CORE_KINDS.contains(&kind)
}

impl Serialize for State {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            State::Idle => Core::Idle.serialize(serializer),
            State::Notice { lang, payload } => Core::Notice { lang: *lang, payload: payload.clone() }.serialize(serializer),
            State::ChooseKim => Core::ChooseKim.serialize(serializer),
            State::Offer { message } => Core::Offer { message: message.clone() }.serialize(serializer),
            State::Feature(f) => {
                let mut map = Map::with_capacity(f.fields.len() + 1);
                map.insert("kind".into(), Value::String(f.kind.clone()));
                map.extend(f.fields.iter().map(|(k, v)| (k.clone(), v.clone())));
                map.serialize(serializer)
            }
        }
    }
}

impl<'de> Deserialize<'de> for State {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<State, D::Error> {
        let mut fields = Map::deserialize(deserializer)?;
        let kind = match fields.get("kind") {
            Some(Value::String(kind)) => kind.clone(),
            _ => return Err(serde::de::Error::missing_field("kind")),
        };
        if CORE_KINDS.contains(&kind.as_str()) {
            let core: Core = serde_json::from_value(Value::Object(fields)).map_err(serde::de::Error::custom)?;
            return Ok(match core {
                Core::Idle => State::Idle,
                Core::Notice { lang, payload } => State::Notice { lang, payload },
                Core::ChooseKim => State::ChooseKim,
                Core::Offer { message } => State::Offer { message },
            });
        }
        fields.remove("kind");
        Ok(State::Feature(FeatureState { kind, fields }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    enum Demo {
        Start,
        Ask { step: u8 },
        Review(Inner),
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Inner {
        text: String,
    }

    impl DialogState for Demo {
        const KIND: &'static str = "Demo";
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Other {
        n: i64,
    }

    impl DialogState for Other {
        const KIND: &'static str = "Other";
    }

    #[test]
    fn core_states_keep_the_old_stored_form() {
        let notice = State::Notice { lang: Lang::En, payload: Some("KIM01".into()) };
        let json = serde_json::to_string(&notice).unwrap();
        assert_eq!(json, r#"{"kind":"Notice","lang":"En","payload":"KIM01"}"#);
        assert_eq!(serde_json::from_str::<State>(&json).unwrap(), notice);
        assert_eq!(serde_json::to_string(&State::Idle).unwrap(), r#"{"kind":"Idle"}"#);
        assert_eq!(serde_json::from_str::<State>(r#"{"kind":"ChooseKim"}"#).unwrap(), State::ChooseKim);
    }

    #[test]
    fn a_feature_dialogue_round_trips_under_its_kind() {
        for dialog in [Demo::Start, Demo::Ask { step: 3 }, Demo::Review(Inner { text: "halo".into() })] {
            let state = State::of(&dialog).unwrap();
            let json = serde_json::to_string(&state).unwrap();
            assert_eq!(serde_json::from_str::<Value>(&json).unwrap()["kind"], "Demo", "{json}");
            let back: State = serde_json::from_str(&json).unwrap();
            assert_eq!(back.current::<Demo>(), Current::Mine(dialog));
            assert_eq!(back.current::<Other>(), Current::Other);
        }
    }

    #[test]
    fn a_unit_variant_is_stored_as_the_old_enum_stored_it() {
        let json = serde_json::to_value(State::of(&Demo::Start).unwrap()).unwrap();
        assert_eq!(json, serde_json::json!({"kind": "Demo", "Start": null}));
    }

    #[test]
    fn the_old_enum_form_of_a_feature_dialogue_still_reads() {
        // What `#[serde(tag = "kind")] enum State { Feed(Dialog) }` wrote.
        let stored = r#"{"kind":"Other","n":7}"#;
        let state: State = serde_json::from_str(stored).unwrap();
        assert_eq!(state.current::<Other>(), Current::Mine(Other { n: 7 }));
        assert_eq!(serde_json::to_string(&state).unwrap(), stored);
    }

    #[test]
    fn idle_and_core_states_are_not_a_features_dialogue() {
        assert_eq!(State::Idle.current::<Demo>(), Current::Idle);
        assert_eq!(State::ChooseKim.current::<Demo>(), Current::Other);
        assert_eq!(State::ChooseKim.feature_kind(), None);
    }

    #[test]
    fn a_dialogue_that_no_longer_decodes_is_not_acted_on() {
        let state: State = serde_json::from_str(r#"{"kind":"Other","n":"seven"}"#).unwrap();
        assert_eq!(state.current::<Other>(), Current::Other);
        assert!(serde_json::from_str::<State>(r#"{"n":1}"#).is_err());
    }
}
