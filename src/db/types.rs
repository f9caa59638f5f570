//! Typed columns: the domain's values stored as `TEXT`, read back parsed. A value the
//! database holds that the domain does not know is an error, never a silent default.
//!
//! The domain types derive diesel's `AsExpression` and `FromSqlRow` (declarations only,
//! no I/O); how each is written and read is here.

use std::io::Write;

use diesel::{
    deserialize::{self, FromSql},
    pg::{Pg, PgValue},
    serialize::{self, IsNull, Output, ToSql},
    sql_types::Text,
};

use crate::{
    domain::{Bce, CompanyKind, Context, Niss, RequestStatus, Role},
    i18n::Lang,
};

/// Implements `ToSql<Text, Pg>` and `FromSql<Text, Pg>` for a type with a string form
/// (`$write`) and a parser (`$read`, returning an `Option` or a `Result`).
macro_rules! text_column {
    ($ty:ty, $what:literal, |$v:ident| $write:expr, |$s:ident| $read:expr) => {
        impl ToSql<Text, Pg> for $ty {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
                let $v = self;
                out.write_all($write.as_bytes())?;
                Ok(IsNull::No)
            }
        }

        impl FromSql<Text, Pg> for $ty {
            fn from_sql(bytes: PgValue<'_>) -> deserialize::Result<Self> {
                let $s = std::str::from_utf8(bytes.as_bytes())?;
                let parsed: Option<$ty> = $read;
                parsed.ok_or_else(|| {
                    format!(concat!("unknown ", $what, " {:?} in the database"), $s).into()
                })
            }
        }
    };
}

text_column!(RequestStatus, "request status", |v| v.as_str(), |s| {
    RequestStatus::parse(s)
});
text_column!(Context, "context", |v| v.code(), |s| Context::parse(s));
text_column!(Lang, "language", |v| v.code(), |s| Lang::from_code(s));
text_column!(Niss, "NISS", |v| v.as_str(), |s| Niss::parse(s).ok());
text_column!(Bce, "enterprise number", |v| v.as_str(), |s| Bce::parse(s)
    .ok());
text_column!(CompanyKind, "company kind", |v| v.as_str(), |s| {
    CompanyKind::parse(s)
});
text_column!(Role, "role", |v| v.as_str(), |s| Role::parse(s));
