//! Runs the example service on 127.0.0.1:3000 (or the address in `$ADDR`),
//! printing each forwarded payload's provider and size instead of sending it.

use intake::{Payload, Provider, Valid};
use intake_axum_example::{app, Upstream};

struct Log;

impl Upstream for Log {
    fn send(&self, provider: Provider, payload: Valid<Payload>) {
        let bytes = serde_json::to_vec(&payload).map_or(0, |b| b.len());
        // Never the payload itself: it holds personal and card data.
        eprintln!("would send {bytes} bytes to {} {}", provider.name(), provider.endpoint());
    }
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let addr = std::env::var("ADDR").unwrap_or_else(|_| "127.0.0.1:3000".to_owned());
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    eprintln!("listening on http://{addr}/customers/{{provider}}");
    axum::serve(listener, app(Log)).await
}
