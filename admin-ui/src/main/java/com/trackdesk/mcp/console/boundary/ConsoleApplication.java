package com.trackdesk.mcp.console.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The console's JSON API lives under /admin/api. */
@ApplicationPath("api")
public class ConsoleApplication extends Application {
}
