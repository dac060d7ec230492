# ruff: noqa
# *** Generated from provider/plugin/schema.json by `python -m pulumi_runai.native.sdkgen`; do not edit. ***
import builtins as _builtins
from collections.abc import Mapping, Sequence
from typing import Any, Optional, Union, overload

import pulumi
import pulumi.runtime

from . import _utilities, outputs
from ._inputs import *

__all__ = ['ProviderArgs', 'Provider']


@pulumi.input_type
class ProviderArgs:
    def __init__(__self__, *,
                 ca_bundle: Optional[pulumi.Input[str]] = None,
                 client_id: Optional[pulumi.Input[str]] = None,
                 client_secret: Optional[pulumi.Input[str]] = None,
                 host_threads: Optional[pulumi.Input[int]] = None,
                 insecure_skip_verify: Optional[pulumi.Input[bool]] = None,
                 timeout: Optional[pulumi.Input[float]] = None,
                 url: Optional[pulumi.Input[str]] = None,
                 wait_timeout: Optional[pulumi.Input[float]] = None):
        """
        The arguments for constructing a Provider resource.
        """
        if ca_bundle is not None:
            pulumi.set(__self__, "ca_bundle", ca_bundle)
        if client_id is not None:
            pulumi.set(__self__, "client_id", client_id)
        if client_secret is not None:
            pulumi.set(__self__, "client_secret", client_secret)
        if host_threads is not None:
            pulumi.set(__self__, "host_threads", host_threads)
        if insecure_skip_verify is not None:
            pulumi.set(__self__, "insecure_skip_verify", insecure_skip_verify)
        if timeout is not None:
            pulumi.set(__self__, "timeout", timeout)
        if url is not None:
            pulumi.set(__self__, "url", url)
        if wait_timeout is not None:
            pulumi.set(__self__, "wait_timeout", wait_timeout)

    @_builtins.property
    @pulumi.getter(name="caBundle")
    def ca_bundle(self) -> Optional[pulumi.Input[str]]:
        """
        A PEM file with the control plane's CA (env RUNAI_CA_BUNDLE).
        """
        return pulumi.get(self, "ca_bundle")

    @ca_bundle.setter
    def ca_bundle(self, value: Optional[pulumi.Input[str]]) -> None:
        pulumi.set(self, "ca_bundle", value)

    @_builtins.property
    @pulumi.getter(name="clientId")
    def client_id(self) -> Optional[pulumi.Input[str]]:
        """
        The application's client id (env RUNAI_CLIENT_ID).
        """
        return pulumi.get(self, "client_id")

    @client_id.setter
    def client_id(self, value: Optional[pulumi.Input[str]]) -> None:
        pulumi.set(self, "client_id", value)

    @_builtins.property
    @pulumi.getter(name="clientSecret")
    def client_secret(self) -> Optional[pulumi.Input[str]]:
        """
        The application's client secret (env RUNAI_CLIENT_SECRET); set it with `--secret`.
        """
        return pulumi.get(self, "client_secret")

    @client_secret.setter
    def client_secret(self, value: Optional[pulumi.Input[str]]) -> None:
        pulumi.set(self, "client_secret", value)

    @_builtins.property
    @pulumi.getter(name="hostThreads")
    def host_threads(self) -> Optional[pulumi.Input[int]]:
        """
        Run:ai calls the plugin makes at once, default 16 (env RUNAI_HOST_THREADS).
        """
        return pulumi.get(self, "host_threads")

    @host_threads.setter
    def host_threads(self, value: Optional[pulumi.Input[int]]) -> None:
        pulumi.set(self, "host_threads", value)

    @_builtins.property
    @pulumi.getter(name="insecureSkipVerify")
    def insecure_skip_verify(self) -> Optional[pulumi.Input[bool]]:
        """
        Skip TLS verification (env RUNAI_INSECURE_SKIP_VERIFY); for test tenants only.
        """
        return pulumi.get(self, "insecure_skip_verify")

    @insecure_skip_verify.setter
    def insecure_skip_verify(self, value: Optional[pulumi.Input[bool]]) -> None:
        pulumi.set(self, "insecure_skip_verify", value)

    @_builtins.property
    @pulumi.getter
    def timeout(self) -> Optional[pulumi.Input[float]]:
        """
        Seconds per HTTP request, default 30 (env RUNAI_TIMEOUT).
        """
        return pulumi.get(self, "timeout")

    @timeout.setter
    def timeout(self, value: Optional[pulumi.Input[float]]) -> None:
        pulumi.set(self, "timeout", value)

    @_builtins.property
    @pulumi.getter
    def url(self) -> Optional[pulumi.Input[str]]:
        """
        The control plane's URL, e.g. https://<tenant>.run.ai (env RUNAI_URL).
        """
        return pulumi.get(self, "url")

    @url.setter
    def url(self, value: Optional[pulumi.Input[str]]) -> None:
        pulumi.set(self, "url", value)

    @_builtins.property
    @pulumi.getter(name="waitTimeout")
    def wait_timeout(self) -> Optional[pulumi.Input[float]]:
        """
        Seconds a project may take to become ready or gone, default 300 (env RUNAI_WAIT_TIMEOUT).
        """
        return pulumi.get(self, "wait_timeout")

    @wait_timeout.setter
    def wait_timeout(self, value: Optional[pulumi.Input[float]]) -> None:
        pulumi.set(self, "wait_timeout", value)



class Provider(pulumi.ProviderResource):
    """
    The Run:ai provider: where and as whom to talk to the control plane.
    """

    @overload
    def __init__(__self__, resource_name: str,
                 opts: Optional[pulumi.ResourceOptions] = None,
                 ca_bundle: Optional[pulumi.Input[str]] = None,
                 client_id: Optional[pulumi.Input[str]] = None,
                 client_secret: Optional[pulumi.Input[str]] = None,
                 host_threads: Optional[pulumi.Input[int]] = None,
                 insecure_skip_verify: Optional[pulumi.Input[bool]] = None,
                 timeout: Optional[pulumi.Input[float]] = None,
                 url: Optional[pulumi.Input[str]] = None,
                 wait_timeout: Optional[pulumi.Input[float]] = None,
                 __props__=None):
        ...

    @overload
    def __init__(__self__, resource_name: str, args: ProviderArgs,
                 opts: Optional[pulumi.ResourceOptions] = None):
        ...

    def __init__(__self__, resource_name: str, *args, **kwargs):
        resource_args, opts = _utilities.get_resource_args_opts(
            ProviderArgs, pulumi.ResourceOptions, *args, **kwargs)
        if resource_args is not None:
            __self__._internal_init(resource_name, opts, **resource_args.__dict__)
        else:
            __self__._internal_init(resource_name, *args, **kwargs)

    def _internal_init(__self__, resource_name: str,
                 opts: Optional[pulumi.ResourceOptions] = None,
                 ca_bundle: Optional[pulumi.Input[str]] = None,
                 client_id: Optional[pulumi.Input[str]] = None,
                 client_secret: Optional[pulumi.Input[str]] = None,
                 host_threads: Optional[pulumi.Input[int]] = None,
                 insecure_skip_verify: Optional[pulumi.Input[bool]] = None,
                 timeout: Optional[pulumi.Input[float]] = None,
                 url: Optional[pulumi.Input[str]] = None,
                 wait_timeout: Optional[pulumi.Input[float]] = None,
                 __props__=None):
        opts = pulumi.ResourceOptions.merge(_utilities.get_resource_opts_defaults(), opts)
        if opts.id is None:
            if __props__ is not None:
                raise TypeError('__props__ is only valid with opts.id (use get())')
            __props__ = ProviderArgs.__new__(ProviderArgs)
            __props__.__dict__["ca_bundle"] = ca_bundle
            __props__.__dict__["client_id"] = client_id
            __props__.__dict__["client_secret"] = None if client_secret is None else pulumi.Output.secret(client_secret)
            __props__.__dict__["host_threads"] = host_threads
            __props__.__dict__["insecure_skip_verify"] = insecure_skip_verify
            __props__.__dict__["timeout"] = timeout
            __props__.__dict__["url"] = url
            __props__.__dict__["wait_timeout"] = wait_timeout
        secret_opts = pulumi.ResourceOptions(additional_secret_outputs=['clientSecret'])
        opts = pulumi.ResourceOptions.merge(opts, secret_opts)
        super(Provider, __self__).__init__(
            'runai', resource_name, __props__, opts)
