//! The pure domain layer of mandat: identifiers, contexts, the request lifecycle
//! and the rule engines that compute the answers a company may see.
//!
//! Nothing in here performs I/O. Every type that crosses a trust boundary is
//! *parsed* into a value that cannot be invalid ("parse, don't validate").

/// Implements, for a newtype over `String` with `parse(&str) -> Result<Self, $error>` and
/// `as_str()`: `FromStr` and `TryFrom<String>` through `parse` (serde's `try_from =
/// "String"` reads with it), and `Serialize` as `as_str()`.
macro_rules! parsed_string {
    ($ty:ty, $error:ty) => {
        impl std::str::FromStr for $ty {
            type Err = $error;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s)
            }
        }

        impl TryFrom<String> for $ty {
            type Error = $error;

            fn try_from(s: String) -> Result<Self, Self::Error> {
                Self::parse(&s)
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}

/// Declares a fieldless enum known by a name per variant (in storage, the API, URLs, the
/// audit), written `Variant = "name"`: the enum as written, with `ALL` (every value, in
/// declaration order), `as_str` (its name), `parse` (the value with this exact name) and
/// `Display` (the name).
/// Modelled on crates.io's `pg_enum!`.
macro_rules! named_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: [$name; [$(stringify!($variant)),+].len()] = [$(Self::$variant),+];

            /// Its name, as stored and exchanged.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text,)+
                }
            }

            /// The value with this exact [`as_str`](Self::as_str) name.
            pub fn parse(name: &str) -> Option<Self> {
                Self::ALL.into_iter().find(|v| v.as_str() == name)
            }
        }

        impl std::fmt::Display for $name {
            /// Writes the name.
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use named_enum;

pub mod actor;
pub mod answer;
pub mod bce;
pub mod calendar;
pub mod company;
pub mod context;
pub mod email;
pub mod events;
pub mod flexi;
pub mod niss;
pub mod quarter;
pub mod staff;
pub mod status;
pub mod student;
pub mod tenant;
pub mod text;

pub use actor::Actor;
pub use answer::Answer;
pub use bce::{Bce, BceError};
pub use company::{CompanyKind, Role};
pub use context::Context;
pub use email::{Email, EmailError};
pub use niss::{Niss, NissError};
pub use quarter::Quarter;
pub use staff::StaffRole;
pub use status::{RequestStatus, Transition, TransitionError};
pub use text::{FreeText, TextError};

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests {
    named_enum! {
        /// A sample.
        #[derive(Copy, Clone, Debug, PartialEq, Eq)]
        enum Sample {
            /// The first.
            One = "one",
            /// The second.
            TwoWords = "two_words",
        }
    }

    #[test]
    fn a_named_enum_reads_back_its_exact_names() {
        assert_eq!(Sample::ALL, [Sample::One, Sample::TwoWords]);
        for value in Sample::ALL {
            assert_eq!(Sample::parse(value.as_str()), Some(value));
            assert_eq!(value.to_string(), value.as_str());
        }
        assert_eq!(Sample::TwoWords.as_str(), "two_words");
        for input in ["", "One", " one", "two-words", "TwoWords"] {
            assert_eq!(Sample::parse(input), None, "{input:?}");
        }
    }
}
