//! A create-customer endpoint in front of five payment providers: the body is
//! validated with intake, a valid record's provider-ready payload is forwarded,
//! an invalid one is answered with the status the provider itself would give
//! and every coded problem, before any request leaves.
//!
//! `POST /customers/{provider}` with the record as JSON:
//! - valid: `202 Accepted`, the outcome (with `normalized`), and the payload
//!   handed to the [`Upstream`];
//! - invalid: the provider's status (400, 409 or 422) and the outcome;
//! - an unknown provider: `404`.

use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use intake::{Options, Payload, Provider, Valid};

/// Where valid payloads go. A real service sends them to the provider's
/// endpoint ([`Provider::endpoint`]) with its HTTP client; taking a
/// [`Valid`] means nothing unchecked can be sent.
pub trait Upstream: Send + Sync + 'static {
    /// Sends one provider-ready payload.
    fn send(&self, provider: Provider, payload: Valid<Payload>);
}

/// An upstream that keeps what it was given, in order: for tests and the demo.
#[derive(Clone, Debug, Default)]
pub struct Outbox(Arc<Mutex<Vec<(Provider, String)>>>);

impl Outbox {
    /// What was sent so far: the provider and the JSON body.
    #[must_use]
    pub fn sent(&self) -> Vec<(Provider, String)> {
        self.0.lock().map(|v| v.clone()).unwrap_or_default()
    }
}

impl Upstream for Outbox {
    fn send(&self, provider: Provider, payload: Valid<Payload>) {
        let body = serde_json::to_string(&payload).unwrap_or_default();
        if let Ok(mut sent) = self.0.lock() {
            sent.push((provider, body));
        }
    }
}

/// The service's routes, forwarding to `upstream`.
pub fn app(upstream: impl Upstream) -> Router {
    Router::new().route("/customers/{provider}", post(create)).with_state(Arc::new(upstream) as Arc<dyn Upstream>)
}

async fn create(State(upstream): State<Arc<dyn Upstream>>, Path(provider): Path<String>, body: Bytes) -> Response {
    let Ok(provider) = provider.parse::<Provider>() else {
        return (StatusCode::NOT_FOUND, "no such provider\n").into_response();
    };
    // `Options::default()` reads today's date for the card expiry rule.
    let outcome = intake::validate_json(provider, &body, &Options::default());
    let answer = outcome.to_json();
    let status = match outcome.into_result() {
        Ok(payload) => {
            upstream.send(provider, payload);
            StatusCode::ACCEPTED
        }
        Err(rejection) => StatusCode::from_u16(rejection.status).unwrap_or(StatusCode::BAD_REQUEST),
    };
    (status, [(header::CONTENT_TYPE, "application/json")], answer).into_response()
}
