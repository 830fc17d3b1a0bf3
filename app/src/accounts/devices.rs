//! What "my sessions" says of a device: its browser and system, read from the
//! `User-Agent` header at sign-in. Plain Rust; the names are stored as codes
//! and shown in the reader's language (`other` when unknown).

crate::stored_enum! {
    /// A browser family.
    pub enum Browser {
        Edge,
        Firefox,
        Chrome,
        Safari,
        Other,
    }
}

crate::stored_enum! {
    /// An operating system family.
    pub enum System {
        Windows,
        Android,
        Ios,
        Macos,
        Linux,
        Other,
    }
}

/// The browser and the system a `User-Agent` names. Order matters: Edge's
/// and Chrome's agents also say "Safari", Android's also say "Linux", an
/// iPhone's say "like Mac OS X".
pub fn device_of(user_agent: &str) -> (Browser, System) {
    let agent = user_agent.to_ascii_lowercase();
    let browser = if agent.contains("edg/") || agent.contains("edge/") {
        Browser::Edge
    } else if agent.contains("firefox/") || agent.contains("fxios/") {
        Browser::Firefox
    } else if agent.contains("chrome/") || agent.contains("chromium/") || agent.contains("crios/") {
        Browser::Chrome
    } else if agent.contains("safari/") {
        Browser::Safari
    } else {
        Browser::Other
    };
    let system = if agent.contains("windows") {
        System::Windows
    } else if agent.contains("android") {
        System::Android
    } else if agent.contains("iphone") || agent.contains("ipad") || agent.contains("ipod") {
        System::Ios
    } else if agent.contains("mac os x") || agent.contains("macintosh") {
        System::Macos
    } else if agent.contains("linux") || agent.contains("x11") {
        System::Linux
    } else {
        System::Other
    };
    (browser, system)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_agents_are_named_by_family() {
        let cases = [
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 Edg/130.0",
                (Browser::Edge, System::Windows),
            ),
            (
                "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
                (Browser::Firefox, System::Linux),
            ),
            (
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36",
                (Browser::Chrome, System::Android),
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
                (Browser::Safari, System::Ios),
            ),
            (
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
                (Browser::Safari, System::Macos),
            ),
            ("curl/8.5.0", (Browser::Other, System::Other)),
            ("", (Browser::Other, System::Other)),
        ];
        for (agent, expected) in cases {
            assert_eq!(device_of(agent), expected, "{agent}");
        }
    }
}
