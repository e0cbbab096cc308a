//! What every criterion bench of this crate shares: its configuration.

use std::time::Duration;

use criterion::Criterion;

/// 50 samples; warm-up and measurement times from `INTAKE_BENCH_WARMUP_MS` and
/// `INTAKE_BENCH_MEASURE_MS` (500 ms and 2 s by default).
pub fn config() -> Criterion {
    let ms = |var: &str, default: u64| {
        Duration::from_millis(std::env::var(var).ok().and_then(|v| v.parse().ok()).unwrap_or(default))
    };
    Criterion::default()
        .warm_up_time(ms("INTAKE_BENCH_WARMUP_MS", 500))
        .measurement_time(ms("INTAKE_BENCH_MEASURE_MS", 2000))
        .sample_size(50)
}
