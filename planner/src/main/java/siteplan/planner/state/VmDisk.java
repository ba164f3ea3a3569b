package siteplan.planner.state;

import siteplan.units.DataSize;

/** A virtual disk with its capacity and controller. */
public record VmDisk(String name, DataSize size, String controller) {}
