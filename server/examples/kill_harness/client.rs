//! Calls to the running server over plain HTTP, as the hydrated app makes
//! them: a form-encoded POST to a server function's path, `Accept:
//! application/json`, the session cookie, and an `Origin` naming the site
//! (the server refuses cross-origin writes).
use std::time::Duration;

use crate::HarnessError;

/// How long one call may take before it counts as lost: far above a normal
/// call, so that only a dead or stuck server reaches it.
const CALL_TIMEOUT: Duration = Duration::from_secs(30);

/// What became of one call.
#[derive(Debug)]
pub enum Answer {
    /// A 2xx answer, read to its end: the server committed the write.
    Acknowledged(String),
    /// Another status: the server refused the call (a harness or server bug
    /// while the server is up).
    Refused { status: u16, body: String },
    /// No whole answer (the server was killed, or never reached): the write
    /// may or may not be stored, both are fine.
    Lost,
}

/// One HTTP client for the site at `origin` (`http://127.0.0.1:PORT`).
#[derive(Clone)]
pub struct Client {
    agent: ureq::Agent,
    origin: String,
}

impl Client {
    pub fn new(origin: String) -> Self {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(CALL_TIMEOUT))
            .build();
        Client {
            agent: ureq::Agent::new_with_config(config),
            origin,
        }
    }

    /// Calls the server function at `path` with the form `fields`.
    pub fn call(&self, path: &str, fields: &[(&str, &str)], cookie: Option<&str>) -> Answer {
        let Ok(body) = serde_urlencoded::to_string(fields) else {
            // Text pairs always encode; an answer that says so if not.
            return Answer::Refused {
                status: 0,
                body: format!("the form of {path} cannot be encoded"),
            };
        };
        let Ok(mut response) = self.post(path, &body, cookie) else {
            return Answer::Lost;
        };
        let status = response.status().as_u16();
        // A body cut off by the kill is no acknowledgement.
        let Ok(text) = response.body_mut().read_to_string() else {
            return Answer::Lost;
        };
        if (200..300).contains(&status) {
            Answer::Acknowledged(text)
        } else {
            Answer::Refused { status, body: text }
        }
    }

    /// A form-encoded POST to `path`, as the hydrated app sends it.
    fn post(
        &self,
        path: &str,
        body: &str,
        cookie: Option<&str>,
    ) -> Result<ureq::http::Response<ureq::Body>, ureq::Error> {
        let mut request = self
            .agent
            .post(format!("{}{path}", self.origin))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .header("Origin", &self.origin);
        if let Some(cookie) = cookie {
            request = request.header("Cookie", cookie);
        }
        request.send(body)
    }

    /// Whether `GET /healthz` answers 200 (the database answers too).
    pub fn is_healthy(&self) -> bool {
        self.agent
            .get(format!("{}/healthz", self.origin))
            .call()
            .is_ok_and(|response| response.status().as_u16() == 200)
    }

    /// Signs in through the real `log_in` server function; returns the
    /// `Cookie` header to send afterwards (every cookie the answer set).
    pub fn sign_in(&self, email: &str, password: &str) -> Result<String, HarnessError> {
        let path = <app::people::api::LogIn as leptos::server_fn::ServerFn>::PATH;
        let body =
            serde_urlencoded::to_string([("email", email), ("password", password), ("next", "")])
                .map_err(|error| HarnessError::SignIn {
                email: email.to_owned(),
                problem: error.to_string(),
            })?;
        let failed = |problem: String| HarnessError::SignIn {
            email: email.to_owned(),
            problem,
        };
        let mut response = self
            .post(path, &body, None)
            .map_err(|error| failed(error.to_string()))?;
        let status = response.status().as_u16();
        let cookies: Vec<String> = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .filter_map(|cookie| cookie.split(';').next())
            // A cookie set empty is one the answer clears.
            .filter(|pair| pair.contains('=') && !pair.ends_with('='))
            .map(str::to_owned)
            .collect();
        let text = response.body_mut().read_to_string().unwrap_or_default();
        if !(200..300).contains(&status) {
            return Err(failed(format!("{status} {text}")));
        }
        if !cookies
            .iter()
            .any(|cookie| cookie.starts_with(&format!("{}=", server::SESSION_COOKIE)))
        {
            return Err(failed(format!("no session cookie in the answer: {text}")));
        }
        Ok(cookies.join("; "))
    }
}
