//! The example service end to end, through its router: what a client sees and
//! what reaches the upstream.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use intake::Provider;
use intake_axum_example::{app, Outbox};
use serde_json::Value;
use tower::ServiceExt;

async fn post(outbox: &Outbox, path: &str, body: &str) -> (StatusCode, String) {
    let request = Request::post(path).header("content-type", "application/json").body(Body::from(body.to_owned()));
    let response = app(outbox.clone()).oneshot(request.unwrap()).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8(bytes.to_vec()).unwrap())
}

#[tokio::test]
async fn a_valid_record_is_normalized_and_forwarded() {
    let outbox = Outbox::default();
    let (status, body) =
        post(&outbox, "/customers/atoa", r#"{"fullName": "Ada  Lovelace", "phoneNumber": "+44 7911 123456"}"#).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let outcome: intake::Outcome<Value> = serde_json::from_str(&body).unwrap();
    assert!(outcome.valid);
    assert_eq!(outcome.warnings[0].code, intake::Code::PhoneSplit);
    let sent = outbox.sent();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].0, Provider::Atoa);
    assert_eq!(
        sent[0].1,
        r#"{"fullName":"Ada Lovelace","type":"INDIVIDUAL","phoneCountryCode":"44","phoneNumber":"7911123456"}"#
    );
}

#[tokio::test]
async fn an_invalid_record_gets_the_providers_status_and_nothing_is_sent() {
    let outbox = Outbox::default();
    let record = r#"{"first_name": "James", "last_name": "Okafor", "email": "james@example",
        "phone": "+234 801 234 5678", "type": "individual",
        "billing_address": {"line1": "1 Marina", "city": "Lagos", "state": "Lagos", "zip_code": "100001", "country": "NG"}}"#;
    let (status, body) = post(&outbox, "/customers/juicyway", record).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let outcome: intake::Outcome<Value> = serde_json::from_str(&body).unwrap();
    assert_eq!((outcome.valid, outcome.status), (false, Some(422)));
    assert_eq!(outcome.errors[0].path, "/email");
    assert!(outbox.sent().is_empty());

    let (status, body) = post(&outbox, "/customers/stax", "{not json").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains(r#""code":"record.malformed""#), "{body}");
    assert!(outbox.sent().is_empty());
}

#[tokio::test]
async fn an_unknown_provider_is_not_found() {
    let (status, _) = post(&Outbox::default(), "/customers/acme", "{}").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
