//! The answer of a consultation, per context, as the company sees it: what the audit
//! keeps (so that the page's PDF export says exactly what the page said), what the pages
//! show and what the API sends. Never a fraction or a reason.

use super::{Context, flexi::FlexiAnswer, student::StudentAnswer};

/// The answer of a consultation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Flexi-job possibility: a verdict per quarter and month.
    FlexiJob(FlexiAnswer),
    /// Student@Work: the hours left this year.
    StudentHours(StudentAnswer),
}

impl Answer {
    /// The context it answers for.
    pub fn context(&self) -> Context {
        match self {
            Answer::FlexiJob(_) => Context::FlexiJob,
            Answer::StudentHours(_) => Context::StudentHours,
        }
    }

    /// The answer as a JSON object (the API's fields, camelCase), as stored.
    pub fn to_json(&self) -> serde_json::Value {
        let value = match self {
            Answer::FlexiJob(a) => serde_json::to_value(a),
            Answer::StudentHours(a) => serde_json::to_value(a),
        };
        // Plain structs of numbers, strings and enums always serialize.
        value.unwrap_or(serde_json::Value::Null)
    }

    /// The answer of `context` stored as `json`.
    pub fn from_json(context: Context, json: serde_json::Value) -> serde_json::Result<Answer> {
        Ok(match context {
            Context::FlexiJob => Answer::FlexiJob(serde_json::from_value(json)?),
            Context::StudentHours => Answer::StudentHours(serde_json::from_value(json)?),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_round_trip_through_json_and_refuse_another_context_s() {
        let student = Answer::StudentHours(StudentAnswer {
            year: 2025,
            quota: 650,
            remaining_hours: 154,
            quota_exceeded: false,
        });
        let json = student.to_json();
        assert_eq!(
            json,
            serde_json::json!({"year": 2025, "quota": 650, "remainingHours": 154, "quotaExceeded": false})
        );
        assert_eq!(
            Answer::from_json(Context::StudentHours, json.clone()).unwrap(),
            student
        );
        assert_eq!(student.context(), Context::StudentHours);
        assert!(Answer::from_json(Context::FlexiJob, json).is_err());
        let flexi = Answer::FlexiJob(FlexiAnswer {
            quarters: vec![],
            months: vec![],
        });
        assert_eq!(
            Answer::from_json(Context::FlexiJob, flexi.to_json()).unwrap(),
            flexi
        );
        assert!(Answer::from_json(Context::StudentHours, flexi.to_json()).is_err());
    }
}
