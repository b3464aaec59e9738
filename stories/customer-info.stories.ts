import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/customer-info.js';
import type { WorkbenchConfig } from '../src/context/types.js';
import { HOSTILE_TEXT, storyBackend, storyCall } from './support/story-data.js';
import { TENANT_FIELDS, storyCustomer } from './support/contact-history-data.js';

const meta: Meta = {
  title: 'Panels/customer-info',
  component: 'customer-info',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

/** The caller looked up by the provider's backend, with the built-in fields. */
export const Default: Story = {
  render: () => html`<customer-info .backend=${storyBackend()} .call=${storyCall()}></customer-info>`,
};

/** The tenant's fields and style rules: VIP as an accent badge, a negative balance in danger, the ID number masked. */
export const VipStyling: Story = {
  render: () => html`<customer-info .customer=${storyCustomer()} .config=${TENANT_FIELDS}></customer-info>`,
};

/** Another customer under the same rules: a Gold badge and a positive balance. */
export const GoldStyling: Story = {
  render: () =>
    html`<customer-info
      .customer=${{ ...storyCustomer(), name: 'Maria Garcia', level: 'Gold', fields: { level: 'Gold', balance: 1280, memberSince: '2021-07-02', city: 'San Francisco', idNumber: 'X4419920' } }}
      .config=${TENANT_FIELDS}
    ></customer-info>`,
};

/** A rule that is not valid is named on screen (and in the console); the other fields and rules still apply. */
export const BadRule: Story = {
  render: () => {
    const config = {
      ...TENANT_FIELDS,
      fieldStyleRules: [
        ...TENANT_FIELDS.fieldStyleRules!,
        { name: 'Red city', field: 'city', when: { equals: 'Shanghai' }, style: 'color: red' },
        { name: 'Big spenders', field: 'balance', when: { gt: 'lots' }, tone: 'success' },
      ],
    } as Partial<WorkbenchConfig>;
    return html`<customer-info .customer=${storyCustomer()} .config=${config}></customer-info>`;
  },
};

/** The lookup is in flight. */
export const Loading: Story = {
  render: () => html`<customer-info .backend=${storyBackend({ hang: ['findCustomerByNumber'] })} .call=${storyCall()}></customer-info>`,
};

/** The lookup failed: the error with Retry. */
export const Error: Story = {
  render: () => html`<customer-info .backend=${storyBackend({ fail: ['findCustomerByNumber'] })} .call=${storyCall()}></customer-info>`,
};

/** No customer record matches the handled number. */
export const Empty: Story = {
  render: () => html`<customer-info .customer=${null} .call=${storyCall({ handledNumber: '+8613012345678' })}></customer-info>`,
};

/** No call in progress. */
export const NoCall: Story = {
  render: () => html`<customer-info .call=${null}></customer-info>`,
};

/** Markup from the backend stays inert text. */
export const HostileText: Story = {
  render: () => html`<customer-info .customer=${{ id: 'x', name: HOSTILE_TEXT, phoneNumbers: [HOSTILE_TEXT], notes: HOSTILE_TEXT }}></customer-info>`,
};

/** In a 320px CRM sidebar. */
export const Narrow: Story = {
  render: () => html`<div style="max-inline-size: 320px"><customer-info .customer=${storyCustomer()} .config=${TENANT_FIELDS}></customer-info></div>`,
};
