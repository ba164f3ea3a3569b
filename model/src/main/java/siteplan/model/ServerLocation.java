package siteplan.model;

/** Where a Site Recovery component server runs. */
public enum ServerLocation implements Token { ON_PREMISES,AZURE }
