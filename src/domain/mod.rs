//! The pure domain layer of mandat: identifiers, contexts, the request lifecycle
//! and the rule engines that compute the answers a company may see.
//!
//! Nothing in here performs I/O. Every type that crosses a trust boundary is
//! *parsed* into a value that cannot be invalid ("parse, don't validate").

pub mod actor;
pub mod bce;
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
pub mod text;

pub use actor::Actor;
pub use bce::{Bce, BceError};
pub use company::{CompanyKind, Role};
pub use context::Context;
pub use email::{Email, EmailError};
pub use niss::{Niss, NissError};
pub use quarter::Quarter;
pub use staff::StaffRole;
pub use status::{RequestStatus, Transition, TransitionError};
pub use text::{FreeText, TextError};
