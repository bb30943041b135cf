//! loa: a static site generator for multilingual question-and-answer explainers.
//!
//! The pipeline, one module per stage: [`config`] → [`content`] (loader) →
//! [`site`] (the model) → [`render`] (with [`markdown`] and [`i18n`]) → [`output`].
//! [`build`] runs them in order; [`error`] is what every stage reports in.

pub mod build;
pub mod check;
pub mod config;
pub mod content;
pub mod error;
pub mod i18n;
pub mod init;
pub mod markdown;
pub mod messages;
pub mod output;
pub mod render;
pub mod search;
pub mod serve;
pub mod site;
pub mod theme;
pub mod translations;
pub mod watch;
