/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    portal: import('../api/server/site-portal').SitePortal;
  }
}
