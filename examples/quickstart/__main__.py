"""One department, project, user and access rule: the smallest useful organisation."""

import pulumi
import pulumi_runai as runai

cluster = runai.get_cluster()  # the tenant's only cluster (or get_cluster("name"))
ml = runai.Department("ml", name="ml", cluster_id=cluster.id,
                      resources=[{"node_pool": "default", "gpu": {"deserved": 4}}])
team = runai.Project("ml-team", name="ml-team", cluster_id=cluster.id, department_id=ml.id,
                     resources=[{"node_pool": "default", "gpu": {"deserved": 2, "limit": 4}}])
kim = runai.User("kim", email="kim@example.com")
runai.AccessRule("kim-ml-team", subject_type="user", subject_id="kim@example.com",
                 role_name="L1 researcher", scope_type="project", scope_id=team.id,
                 cluster_id=cluster.id, opts=pulumi.ResourceOptions(depends_on=[kim]))
pulumi.export("project_id", team.id)
