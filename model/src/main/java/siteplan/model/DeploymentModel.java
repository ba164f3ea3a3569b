package siteplan.model;

/** Azure deployment model (FB-PS-AZURE: the process server in Azure matches the failed-over VMs). */
public enum DeploymentModel implements Token { RESOURCE_MANAGER,CLASSIC }
