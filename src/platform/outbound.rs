//! Outbound HTTP (programme feeds, webhooks) goes to addresses that staff type in.
//! Unless `KIMBOT_OUTBOUND_ALLOW_PRIVATE` is set, kimbot refuses loopback, private,
//! link-local and other non-public addresses, so a mistyped or hostile URL cannot
//! make the bot probe the office's own network or a cloud metadata service (SSRF).
//!
//! Host names are checked after resolution, inside the HTTP client's resolver, so a
//! public-looking name that resolves to `10.x` is refused too, on every redirect and
//! retry. IP literals never reach a resolver, so [`Guard::check_url`] checks them
//! before a request and on each redirect.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// A request refused because its address is not on the public internet.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("address not allowed (not a public internet address): {0}")]
pub struct Blocked(pub String);

/// Whether outbound requests may reach non-public addresses (tests and on-premise
/// feeds set it; the default refuses them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Guard {
    pub allow_private: bool,
}

impl Guard {
    /// Installs the checking resolver on `builder` unless private addresses are allowed.
    /// Proxies are turned off too: through a proxy (`HTTP(S)_PROXY`) only the proxy's
    /// name would be resolved and the target would go unchecked.
    pub fn apply(self, builder: reqwest::ClientBuilder) -> reqwest::ClientBuilder {
        if self.allow_private { builder } else { builder.no_proxy().dns_resolver(Arc::new(PublicResolver)) }
    }

    /// Refuses a URL whose host is a non-public IP literal (names are left to the
    /// resolver).
    pub fn check_url(self, url: &url::Url) -> Result<(), Blocked> {
        if self.allow_private {
            return Ok(());
        }
        let ip = match url.host() {
            Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip),
            Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip),
            _ => return Ok(()),
        };
        if is_public(ip) { Ok(()) } else { Err(Blocked(ip.to_string())) }
    }
}

/// Whether `error` (or one of its causes) is a [`Blocked`] refusal: such a request
/// will not succeed on a retry.
pub fn is_blocked(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut current = Some(error);
    while let Some(e) = current {
        if e.downcast_ref::<Blocked>().is_some() {
            return true;
        }
        current = e.source();
    }
    false
}

/// Whether `ip` is an ordinary public internet address.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_public_v4(v4),
            None => is_public_v6(v6),
        },
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, _, _] = ip.octets();
    let shared_cgnat = a == 100 && (64..=127).contains(&b);
    let benchmarking = a == 198 && (b == 18 || b == 19);
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || shared_cgnat
        || benchmarking
        || a == 0
        || a >= 240)
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    let embedded = |hi: u16, lo: u16| Ipv4Addr::from((u32::from(hi) << 16) | u32::from(lo));
    // Prefixes that translate or tunnel to an IPv4 address: judge the address inside.
    if s[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        return is_public_v4(embedded(s[6], s[7]));
    }
    if s[0] == 0x2002 {
        return is_public_v4(embedded(s[1], s[2]));
    }
    let ipv4_compatible = s[..6] == [0; 6];
    let nat64_local = s[..3] == [0x64, 0xff9b, 1];
    let teredo = s[0] == 0x2001 && s[1] == 0;
    let discard_only = s[..4] == [0x100, 0, 0, 0];
    let unique_local = (s[0] & 0xfe00) == 0xfc00;
    let link_local = (s[0] & 0xffc0) == 0xfe80;
    let site_local = (s[0] & 0xffc0) == 0xfec0;
    let documentation = s[0] == 0x2001 && s[1] == 0x0db8;
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        || ipv4_compatible
        || nat64_local
        || teredo
        || discard_only
        || unique_local
        || link_local
        || site_local
        || documentation)
}

/// The system resolver, keeping only public addresses; a name with none left is
/// refused with [`Blocked`].
struct PublicResolver;

impl Resolve for PublicResolver {
    fn resolve(&self, name: Name) -> Resolving {
        Box::pin(async move {
            let host = name.as_str().to_string();
            let found: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let public: Vec<SocketAddr> = found.into_iter().filter(|a| is_public(a.ip())).collect();
            if public.is_empty() {
                return Err(Box::new(Blocked(host)) as Box<dyn std::error::Error + Send + Sync>);
            }
            Ok(Box::new(public.into_iter()) as Addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_public_addresses_pass() {
        let cases = [
            ("8.8.8.8", true),
            ("103.10.20.30", true),
            ("127.0.0.1", false),
            ("10.1.2.3", false),
            ("172.16.0.1", false),
            ("192.168.1.1", false),
            ("169.254.169.254", false),
            ("100.64.0.1", false),
            ("0.0.0.0", false),
            ("255.255.255.255", false),
            ("224.0.0.1", false),
            ("2001:4860:4860::8888", true),
            ("::1", false),
            ("fd00::1", false),
            ("fe80::1", false),
            ("::ffff:127.0.0.1", false),
            ("::ffff:8.8.8.8", true),
            // NAT64 (well-known and local-use prefixes) reach an IPv4 address.
            ("64:ff9b::7f00:1", false),
            ("64:ff9b::a00:1", false),
            ("64:ff9b::808:808", true),
            ("64:ff9b:1::a00:1", false),
            ("64:ff9b:1::808:808", false),
            // IPv4-compatible (deprecated) addresses.
            ("::127.0.0.1", false),
            ("::10.0.0.1", false),
            ("::8.8.8.8", false),
            // 6to4 embeds the IPv4 address in segments 1 and 2.
            ("2002:7f00:1::1", false),
            ("2002:a9fe:a9fe::1", false),
            ("2002:0808:0808::1", true),
            // Site-local (deprecated, still routed on some networks).
            ("fec0::1", false),
            ("feff::1", false),
            // Teredo and other special-purpose ranges.
            ("2001::1", false),
            ("100::1", false),
        ];
        for (ip, want) in cases {
            assert_eq!(is_public(ip.parse().unwrap()), want, "{ip}");
        }
    }

    #[test]
    fn ip_literals_are_checked_unless_private_addresses_are_allowed() {
        let url = |s: &str| url::Url::parse(s).unwrap();
        let strict = Guard::default();
        assert!(strict.check_url(&url("http://127.0.0.1:8080/rss")).is_err());
        assert!(strict.check_url(&url("http://[::1]/rss")).is_err());
        assert!(strict.check_url(&url("https://8.8.8.8/rss")).is_ok());
        assert!(strict.check_url(&url("https://feeds.example.go.id/rss")).is_ok());
        assert!(Guard { allow_private: true }.check_url(&url("http://127.0.0.1/rss")).is_ok());
    }

    #[tokio::test]
    async fn a_configured_proxy_does_not_bypass_the_check() {
        // A proxy (as `HTTPS_PROXY` would set) must not carry the request past the resolver.
        let proxied = reqwest::Client::builder().proxy(reqwest::Proxy::all("http://127.0.0.1:9").unwrap());
        let client = Guard::default().apply(proxied).build().unwrap();
        let error = client.get("http://localhost:9/").send().await.unwrap_err();
        assert!(is_blocked(&error), "{error:?}");
    }

    #[tokio::test]
    async fn a_name_that_resolves_only_to_loopback_is_refused_by_the_client() {
        let client = Guard::default().apply(reqwest::Client::builder()).build().unwrap();
        let error = client.get("http://localhost:9/").send().await.unwrap_err();
        assert!(is_blocked(&error), "{error:?}");
    }
}
