package siteplan.model;

/**
 * What a push-install account is on the machine (seed 000 step 8, MOB-PUSH-WIN / MOB-PUSH-LINUX): the
 * process server pushes the Mobility service with an administrator on Windows and root on Linux; a
 * standard account cannot install it.
 */
public enum AccountStanding implements Token { ADMINISTRATOR, ROOT, STANDARD }
