// The checklist's sections, in the order the installer works through them (mtr-facts.md §4.1–4.9,
// with the SkypeSettings.xml placement of §3.1 and a sign-off from peers.md §1.7).

export const CHECKLIST_SECTIONS = [
  { id: 'installation-media', title: 'Installation media' },
  { id: 'imaging', title: 'Imaging the console' },
  { id: 'first-run', title: 'First-run setup' },
  { id: 'certificates', title: 'Certificates for a private CA' },
  { id: 'domain-join', title: 'Domain join (optional)' },
  { id: 'windows-settings', title: 'Windows settings the app depends on' },
  { id: 'console-settings', title: 'Console settings file (SkypeSettings.xml)' },
  { id: 'post-setup-application', title: 'Post-setup checklist: application' },
  { id: 'post-setup-audio-video', title: 'Post-setup checklist: audio and video' },
  { id: 'post-setup-dock-console', title: 'Post-setup checklist: dock and console' },
  { id: 'network', title: 'Network requirements' },
  { id: 'management', title: 'Management enrolment' },
  { id: 'sign-off', title: 'Sign-off' },
] as const;

export type ChecklistSectionId = (typeof CHECKLIST_SECTIONS)[number]['id'];
