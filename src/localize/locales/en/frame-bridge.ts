export default {
  'frameBridge.connecting': 'Connecting to the workbench…',
  'frameBridge.notFramed': 'Open this page from the workbench’s screen pop-ups: it shows the call of the workbench it is embedded in.',
  'frameBridge.noOrigin': 'This page is not set up: its parent-origin attribute is missing or is not an origin.',
} as const;
