/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    portal: import('../api/server/site-portal').SitePortal;
    /** The partners' workspace: sessions, casework, figures (its pages only). */
    workspace: import('../api/workspace/workspace').Workspace;
    /** The client's address as the server sees it (through a trusted proxy), for per-client limits. */
    client: string;
  }
}
