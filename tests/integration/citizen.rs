//! Citizen portal tests (in progress).
