"""HTTP for the cloud destinations: guarded connections, OAuth bearer calls, error wording.

Every connection (also to URLs a service hands back, such as an upload session URL) is
opened by ``GuardedAdapter``'s pools: the host is resolved once, checked by the netguard,
and the socket goes to a checked address while TLS still verifies the real host name.
Redirects are never followed and environment proxies are ignored, so nothing routes
around the check.
"""

from __future__ import annotations

import re
import socket
from collections.abc import Callable, Mapping
from typing import Any, Protocol
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError
from urllib3.util.connection import create_connection

from workspace.delivery.destinations._common import probe_upload
from workspace.delivery.destinations.base import DeliveryContext, DeliveryError, Target, Upload
from workspace.delivery.netguard import resolve_allowed

_IDENTIFIER = re.compile(r"^[A-Za-z0-9_./: -]{1,100}$")
# Error codes (lowercased) that mean the drive is full, and that mean "slow down".
_STORAGE_FULL = ("insufficient_space", "storagequota", "insufficientstorage", "quotalimitreached")
_SLOW_DOWN = ("ratelimit", "too_many", "quotaexceeded", "limitexceeded")


class _CheckedConnect:
    """Mixed into urllib3's connections: resolve once, check, connect to those addresses.

    TLS (SNI and certificate check) and the Host header still use the name, because the
    connection object keeps its host; only the socket is opened to the checked address.
    """

    allow_private = False

    def _new_conn(self) -> socket.socket:
        host, port = self._dns_host, self.port  # type: ignore[attr-defined]
        addresses = resolve_allowed(host, port, allow_private=self.allow_private)
        last: OSError | None = None
        for address in addresses:
            try:
                return create_connection(
                    (address, port),
                    self.timeout,  # type: ignore[attr-defined]
                    source_address=self.source_address,  # type: ignore[attr-defined]
                    socket_options=self.socket_options,  # type: ignore[attr-defined]
                )
            except TimeoutError as exc:
                raise ConnectTimeoutError(self, f"Connection to {host} timed out.") from exc
            except OSError as exc:
                last = exc
        raise NewConnectionError(self, f"Failed to establish a new connection: {last}") from last


class GuardedAdapter(HTTPAdapter):
    """requests' adapter whose connection pools only ever connect to checked addresses."""

    def __init__(self, *, allow_private: bool) -> None:
        self.allow_private = allow_private  # read by init_poolmanager, called by __init__
        super().__init__(max_retries=0)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        flag = {"allow_private": self.allow_private}
        http = type("CheckedHTTPConnection", (_CheckedConnect, HTTPConnection), flag)
        https = type("CheckedHTTPSConnection", (_CheckedConnect, HTTPSConnection), flag)
        self.poolmanager.pool_classes_by_scheme = {
            "http": type("CheckedHTTPPool", (HTTPConnectionPool,), {"ConnectionCls": http}),
            "https": type("CheckedHTTPSPool", (HTTPSConnectionPool,), {"ConnectionCls": https}),
        }

    def proxy_manager_for(self, *args: Any, **kwargs: Any) -> Any:
        raise DeliveryError("Delivery does not go through proxies.", kind="protocol", retry=False)


def identifier(value: Any) -> str:
    """A service's error code, fit to quote in a reason; anything else (free text) is dropped."""
    return value if isinstance(value, str) and _IDENTIFIER.match(value) else ""


def retry_after(response: requests.Response) -> float | None:
    raw = response.headers.get("Retry-After", "").strip()
    try:
        return max(0.0, float(raw)) if raw else None
    except ValueError:
        return None  # an HTTP date: rare for these APIs; the worker's backoff applies


class Http:
    """requests with the guard, the context's timeout and plain-words failures."""

    def __init__(self, ctx: DeliveryContext, service: str) -> None:
        self.service = service
        self.timeout = ctx.timeout
        self.session = requests.Session()
        self.session.trust_env = False  # no proxies or .netrc from the environment
        adapter = GuardedAdapter(allow_private=ctx.allow_private_hosts)
        self.session.mount("https://", adapter)
        self.session.mount("http://", adapter)

    def close(self) -> None:
        self.session.close()

    def request(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        host = urlsplit(url).hostname or url
        try:
            return self.session.request(
                method, url, timeout=self.timeout, allow_redirects=False, **kwargs
            )
        except requests.exceptions.Timeout as exc:
            raise DeliveryError(
                f"{self.service} ({host}) did not answer in time.", kind="timeout"
            ) from exc
        except requests.exceptions.SSLError as exc:
            raise DeliveryError(
                f"The TLS connection to {self.service} ({host}) failed: the certificate could "
                "not be verified or the handshake broke off.",
                kind="protocol",
            ) from exc
        except requests.exceptions.ConnectionError as exc:
            text = repr(exc)
            if "NameResolutionError" in text or "Name or service not known" in text:
                raise DeliveryError(
                    f'The host name "{host}" could not be resolved.', kind="dns"
                ) from exc
            if "ConnectionRefusedError" in text or "Connection refused" in text:
                raise DeliveryError(
                    f"{self.service} ({host}) refused the connection.", kind="refused"
                ) from exc
            raise DeliveryError(
                f"The connection to {self.service} ({host}) broke off before the answer came.",
                kind="server",
            ) from exc
        except requests.exceptions.RequestException as exc:
            raise DeliveryError(
                f"The request to {self.service} ({host}) could not be made: {type(exc).__name__}.",
                kind="protocol",
            ) from exc


def http_error(
    response: requests.Response, service: str, action: str, code: str = ""
) -> DeliveryError:
    """The DeliveryError for a failed answer. `code` is the service's error code, if any."""
    status = response.status_code
    said = f" ({code})" if code else ""
    lowered = code.lower()
    if status == 507 or any(word in lowered for word in _STORAGE_FULL):
        return DeliveryError(
            f"{service} has no space left for the file{said}: free up space or raise the quota.",
            kind="quota",
        )
    if status == 429 or any(word in lowered for word in _SLOW_DOWN):
        wait = retry_after(response)
        later = f" in {wait:.0f} s" if wait is not None else " later"
        return DeliveryError(
            f"{service} asked us to slow down (HTTP {status}){said}; trying again{later}.",
            kind="rate_limited",
            retry_after=wait,
        )
    if status == 401:
        return DeliveryError(
            f"{service} refused the sign-in while trying to {action} (HTTP 401){said}: "
            "connect the account again or check the app credentials.",
            kind="login",
        )
    if status == 403:
        return DeliveryError(
            f"{service} denied permission to {action} (HTTP 403){said}: check the folder and "
            "the app's access rights.",
            kind="permission",
        )
    if status == 404:
        return DeliveryError(
            f"{service} could not find the folder or file while trying to {action} "
            f"(HTTP 404){said}: check the folder setting.",
            kind="permission",
            retry=False,
        )
    if status == 413:
        return DeliveryError(
            f"{service} refused the file as too large (HTTP 413){said}.", kind="size", retry=False
        )
    if status >= 500:
        return DeliveryError(
            f"{service} had a server error while trying to {action} (HTTP {status}){said}; "
            "trying again later.",
            kind="server",
            retry_after=retry_after(response),
        )
    return DeliveryError(
        f"{service} did not accept the request to {action} (HTTP {status}){said}.",
        kind="protocol",
        retry=False,
    )


class BearerClient:
    """Calls with `Authorization: Bearer`; on the first 401, gets a new token once and resends.

    `fetch_token(refresh)` returns an access token: refresh=False may return a stored one,
    refresh=True must get a new one (or return None when it cannot).
    """

    def __init__(
        self,
        http: Http,
        fetch_token: Callable[[bool], str | None],
        error_code: Callable[[requests.Response], str],
    ) -> None:
        self.http = http
        self.fetch_token = fetch_token
        self.error_code = error_code
        self.token: str | None = None
        self.refreshed = False

    def call(
        self,
        method: str,
        url: str,
        action: str,
        *,
        ok: tuple[int, ...] = (200,),
        headers: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> requests.Response:
        if self.token is None:
            self.token = self.fetch_token(False)
        response = self._send(method, url, headers, kwargs)
        if response.status_code == 401 and not self.refreshed:
            self.refreshed = True
            fresh = self.fetch_token(True)
            if fresh:
                self.token = fresh
                response = self._send(method, url, headers, kwargs)
        if response.status_code not in ok:
            raise http_error(response, self.http.service, action, self.error_code(response))
        return response

    def _send(
        self, method: str, url: str, headers: Mapping[str, str] | None, kwargs: dict[str, Any]
    ) -> requests.Response:
        sent = {**(headers or {}), "Authorization": f"Bearer {self.token}"}
        return self.http.request(method, url, headers=sent, **kwargs)


def json_of(response: requests.Response) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def oauth_refresh(
    http: Http, url: str, form: Mapping[str, str], *, auth: tuple[str, str] | None = None
) -> str:
    """POST a refresh_token grant; the new access token, or DeliveryError kind login."""
    response = http.request("POST", url, data=dict(form), auth=auth)
    data = json_of(response)
    token = data.get("access_token")
    if response.status_code == 200 and isinstance(token, str) and token:
        return token
    if response.status_code in (400, 401):
        code = identifier(data.get("error"))
        said = f" ({code})" if code else ""
        raise DeliveryError(
            f"{http.service} refused the saved authorization{said}: connect the account again "
            "or check the client id and secret.",
            kind="login",
        )
    raise http_error(
        response, http.service, "renew the access token", identifier(data.get("error"))
    )


class CloudClient(Protocol):
    """What a cloud module's client offers: put (temporary name, then the final one), delete."""

    http: Http

    def put(self, upload: Upload) -> str: ...

    def delete(self, ref: str) -> None: ...


class CloudDestination:
    """deliver/check of a cloud service, given how to make its client.

    `where(target)` words the folder for the Test connection answer.
    """

    def __init__(
        self,
        prefix: str,
        service: str,
        make_client: Callable[[Target, DeliveryContext], CloudClient],
        where: Callable[[Target], str] = lambda target: "the folder",
    ) -> None:
        self.prefix = prefix
        self.service = service
        self.make_client = make_client
        self.where = where

    def deliver(self, target: Target, upload: Upload, ctx: DeliveryContext) -> str:
        client = self.make_client(target, ctx)
        try:
            return f"{self.prefix}:{client.put(upload)}"
        finally:
            client.http.close()

    def check(self, target: Target, ctx: DeliveryContext) -> str:
        client = self.make_client(target, ctx)
        try:
            with probe_upload() as upload:
                client.delete(client.put(upload))
            return (
                f"Connected to {self.service}: a test file was written to "
                f"{self.where(target)} and removed."
            )
        finally:
            client.http.close()
