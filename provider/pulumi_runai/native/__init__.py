"""The native Pulumi provider plugin for Run:ai (`pulumi-resource-runai`, package `runai`).

Resources `runai:index:<Kind>` for every kind in `pulumi_runai.kinds.KINDS` and functions
`runai:index:get*`, served over gRPC on `pulumi.provider.experimental`, calling the same
lifecycles as the dynamic provider. Modules: `plugin` (entry), `provider` (engine calls),
`schema` (generated from the registry), `functions`, `names` (camelCase <-> snake_case),
`values` (engine values, secrets, unknowns), `config`, `sdk_guard`. See docs/native-provider.md.
"""
