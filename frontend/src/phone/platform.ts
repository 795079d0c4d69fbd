/** How the portal names a device's platform: the web phone's "web" reads "Web phone". */
export function platformLabel(platform: string | null | undefined): string | null {
  if (!platform) return null;
  return platform === 'web' ? 'Web phone' : platform;
}
