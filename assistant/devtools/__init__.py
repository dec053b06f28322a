"""Development tooling shared by benchmarks, the evaluation and end-to-end tests."""
