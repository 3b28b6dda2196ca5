struct Store {
    items: Vec<String>,
}

impl Store {
    #[yieldkit::async_gen]
    async fn names(&self, prefix: &str) -> String {
        for item in &self.items {
            yield_!(format!("{prefix}{item}"));
        }
    }
}

fn main() {}
