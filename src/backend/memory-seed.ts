import type { Agent, Customer, ScreenPopupPage } from '../context/types.js';
import type {
  AuthMode,
  ContactRecord,
  HarassmentRecord,
  MessageRecord,
  NotificationTemplate,
  ReasonNode,
  RestReason,
  TranscriptSegment,
} from './types.js';

const DAY = 24 * 60 * 60 * 1000;
const MIN = 60 * 1000;

export const seedAgent: Agent = {
  id: 'agent-1001',
  tenantId: 'tenant-a',
  workNo: '1001',
  name: 'Lin Wei',
  state: 'talking',
};

export const seedCustomers: readonly Customer[] = [
  {
    id: 'cust-1',
    name: 'Zhang Min',
    gender: 'female',
    phoneNumbers: ['+8613800138000'],
    email: 'zhang.min@example.com',
    address: '88 Century Avenue, Pudong, Shanghai',
    level: 'VIP',
    notes: 'Prefers SMS over email.',
    fields: { level: 'VIP', balance: -42.5, memberSince: '2019-03-14', city: 'Shanghai', idNumber: '310101199001011234' },
  },
  {
    id: 'cust-2',
    name: 'Maria Garcia',
    gender: 'female',
    phoneNumbers: ['+14155550123'],
    email: 'maria.garcia@example.com',
    address: '500 Market St, San Francisco, CA',
    level: 'Gold',
    fields: { level: 'Gold', balance: 1280, memberSince: '2021-07-02', city: 'San Francisco', idNumber: 'X4419920' },
  },
  {
    id: 'cust-3',
    name: 'Ahmed Hassan',
    gender: 'male',
    phoneNumbers: ['+971501234567'],
    email: 'ahmed.hassan@example.com',
    level: 'Standard',
    fields: { level: 'Standard', balance: 0, memberSince: '2023-11-20', city: 'Dubai', idNumber: '784-1990-1234567-1' },
  },
  {
    id: 'cust-4',
    name: 'Chen Jie',
    gender: 'male',
    phoneNumbers: ['+8613911112222', '+8602188889999'],
    level: 'Standard',
    fields: { level: 'Standard', balance: 15.2, memberSince: '2024-01-05', city: 'Beijing' },
  },
];

export const seedRestReasons: readonly RestReason[] = [
  { id: 'rest-lunch', label: 'Lunch' },
  { id: 'rest-training', label: 'Training' },
  { id: 'rest-meeting', label: 'Meeting' },
];

export const seedReasonTree: readonly ReasonNode[] = [
  {
    id: 'billing',
    label: 'Billing',
    children: [
      {
        id: 'billing-invoice',
        label: 'Invoice',
        children: [
          { id: 'billing-invoice-wrong', label: 'Wrong amount' },
          { id: 'billing-invoice-missing', label: 'Invoice not received' },
        ],
      },
      {
        id: 'billing-payment',
        label: 'Payment',
        children: [
          { id: 'billing-payment-declined', label: 'Card declined' },
          { id: 'billing-payment-refund', label: 'Refund request' },
        ],
      },
    ],
  },
  {
    id: 'technical',
    label: 'Technical support',
    children: [
      {
        id: 'technical-network',
        label: 'Network',
        children: [
          { id: 'technical-network-signal', label: 'No signal' },
          { id: 'technical-network-slow', label: 'Slow mobile data' },
        ],
      },
      {
        id: 'technical-device',
        label: 'Device',
        children: [
          { id: 'technical-device-setup', label: 'Set-up help' },
          { id: 'technical-device-repair', label: 'Repair' },
        ],
      },
    ],
  },
  {
    id: 'account',
    label: 'Account',
    children: [
      {
        id: 'account-profile',
        label: 'Profile',
        children: [
          { id: 'account-profile-address', label: 'Change of address' },
          { id: 'account-profile-plan', label: 'Change of plan' },
        ],
      },
      {
        id: 'account-complaint',
        label: 'Complaint',
        children: [
          { id: 'account-complaint-service', label: 'Service quality' },
          { id: 'account-complaint-staff', label: 'Staff behaviour' },
        ],
      },
    ],
  },
];

export const seedTemplates: readonly NotificationTemplate[] = [
  {
    id: 'sms-followup',
    channel: 'sms',
    name: 'Call follow-up',
    body: 'Dear {{customerName}}, thank you for calling us today ({{date}}). Your reference number is {{handledNumber}}. Agent {{agentName}}',
  },
  {
    id: 'sms-payment-link',
    channel: 'sms',
    name: 'Payment link',
    body: 'Hello {{customerName}}, you can settle your balance securely at https://pay.example.com/r/{{handledNumber}}',
  },
  { id: 'sms-zh', channel: 'sms', name: '回访短信', body: '尊敬的{{customerName}}，感谢您的来电。如有问题请随时联系我们。' },
  {
    id: 'email-summary',
    channel: 'email',
    name: 'Call summary',
    subject: 'Your call with us on {{date}}',
    body: 'Dear {{customerName}},\n\nThank you for speaking with {{agentName}} today. We have noted your request and will follow up within two working days.\n\nKind regards,\nCustomer Care',
  },
  {
    id: 'email-documents',
    channel: 'email',
    name: 'Documents requested',
    subject: 'Documents we need from you',
    body: 'Dear {{customerName}},\n\nTo complete your request, please reply with a copy of your latest invoice.\n\nKind regards,\n{{agentName}}',
  },
  {
    id: 'wa-appointment',
    channel: 'whatsapp',
    name: 'appointment_confirmation',
    body: 'Hi {{customerName}}, your appointment is confirmed for {{1}} at {{2}}.',
    parameters: ['1', '2'],
    approved: true,
  },
  {
    id: 'wa-followup',
    channel: 'whatsapp',
    name: 'call_followup',
    body: 'Hi {{customerName}}, thanks for calling. Reply to this message if there is anything else we can do.',
    approved: true,
  },
  {
    id: 'wa-promo',
    channel: 'whatsapp',
    name: 'spring_promo',
    body: 'Spring offer: {{1}} off your next bill!',
    parameters: ['1'],
    approved: false,
  },
];

export const seedAuthModes: readonly AuthMode[] = [
  { id: 'auth-name-id', name: 'Name and ID number', code: 'NAME_ID', ivrFlowId: 'ivr-auth-1' },
  { id: 'auth-pin', name: 'Service PIN', code: 'PIN', ivrFlowId: 'ivr-auth-2' },
  { id: 'auth-otp', name: 'One-time code by SMS', code: 'OTP', ivrFlowId: 'ivr-auth-3' },
];

export const seedScreenPopups: readonly ScreenPopupPage[] = [
  { id: 'popup-orders', title: 'Orders', url: 'https://crm.example.com/orders', open: 'embed' },
  { id: 'popup-tickets', title: 'Tickets', url: 'https://tickets.example.com/new', open: 'window' },
];

const agentsByDay = [
  ['Lin Wei', '1001'],
  ['Sara Ali', '1002'],
  ['Tom Becker', '1003'],
] as const;
const queues = ['Billing Support', 'Technical Support', 'General Enquiries'];
const reasonPaths: readonly (readonly string[])[] = [
  ['Billing', 'Payment', 'Refund request'],
  ['Technical support', 'Network', 'Slow mobile data'],
  ['Billing', 'Invoice', 'Wrong amount'],
  ['Account', 'Profile', 'Change of address'],
];
const remarks = [
  'Customer asked for a refund of the duplicate charge; promised a call-back.',
  'Reset the APN settings; speed test fine afterwards.',
  'Explained the pro-rated charge on the invoice.',
  '客户要求更改账单地址，已核实身份。',
  '',
];

/** Contact records over the last `days` days, newest first, for the given number. */
export function seedContactRecords(now: number, number: string, count: number, prefix: string): ContactRecord[] {
  const records: ContactRecord[] = [];
  for (let i = 0; i < count; i++) {
    // Spread over ~10 days, at varying times of day.
    const start = now - (i * 0.85 + 0.1) * DAY - ((i * 37) % 300) * MIN;
    const duration = (3 + ((i * 7) % 14)) * MIN + ((i * 13) % 60) * 1000;
    const [agentName, agentWorkNo] = agentsByDay[i % agentsByDay.length]!;
    records.push({
      id: `${prefix}-${String(i + 1).padStart(3, '0')}`,
      callId: `call-${prefix}-${i + 1}`,
      channel: i % 5 === 3 ? 'multimedia' : i % 7 === 5 ? 'video' : 'voice',
      direction: i % 3 === 1 ? 'outbound' : 'inbound',
      customerNumber: number,
      handledNumber: number,
      startTime: start,
      endTime: start + duration,
      agentName,
      agentWorkNo,
      skillQueue: queues[i % queues.length],
      reasonPath: reasonPaths[i % reasonPaths.length],
      remarks: remarks[i % remarks.length],
      recordingId: i % 4 === 2 ? undefined : `rec-${prefix}-${i + 1}`,
    });
  }
  return records;
}

export function seedMessageRecords(records: readonly ContactRecord[]): MessageRecord[] {
  const out: MessageRecord[] = [];
  records.forEach((record, i) => {
    if (i % 2 === 1) return;
    out.push({
      id: `msg-${record.id}-1`,
      channel: i % 3 === 0 ? 'sms' : 'email',
      recipient: i % 3 === 0 ? record.customerNumber : 'zhang.min@example.com',
      templateId: i % 3 === 0 ? 'sms-followup' : 'email-summary',
      templateName: i % 3 === 0 ? 'Call follow-up' : 'Call summary',
      text: i % 3 === 0 ? 'Dear customer, thank you for calling us today.' : 'Thank you for speaking with us today.',
      sentAt: record.endTime + 2 * MIN,
      status: i === 4 ? 'failed' : 'delivered',
      callId: record.callId,
      contactRecordId: record.id,
    });
  });
  return out;
}

export function seedHarassmentRecords(now: number): HarassmentRecord[] {
  return [
    {
      id: 'har-1',
      number: '+14155550123',
      listType: 'black',
      reason: 'Repeated abusive language towards agents over three calls.',
      callId: 'call-old-1',
      createdAt: now - 20 * DAY,
      status: 'approved',
      createdBy: '1002',
    },
    {
      id: 'har-2',
      number: '+14155550123',
      listType: 'red',
      reason: 'Threatened staff.',
      callId: 'call-old-2',
      createdAt: now - 2 * DAY,
      status: 'pending',
      createdBy: '1003',
    },
  ];
}

/** A realistic two-party conversation, some of it in Chinese. */
export const seedTranscript: readonly Pick<TranscriptSegment, 'speaker' | 'text'>[] = [
  { speaker: 'agent', text: 'Good morning, thank you for calling customer care. My name is Lin, how can I help you today?' },
  { speaker: 'customer', text: 'Hi, I was charged twice for my last bill and I would like a refund for one of them.' },
  { speaker: 'agent', text: 'I am sorry to hear that. May I have the account holder’s full name, please?' },
  { speaker: 'customer', text: 'Zhang Min.' },
  { speaker: 'agent', text: 'Thank you. I can see two payments of 42.50 on the twelfth. Let me check what happened.' },
  { speaker: 'customer', text: '好的，我等一下。' },
  { speaker: 'agent', text: '找到了，第二笔是重复扣款。我现在为您申请退款。' },
  { speaker: 'customer', text: '退款需要多长时间？' },
  { speaker: 'agent', text: 'It usually takes three to five working days to reach your card.' },
  { speaker: 'customer', text: 'Okay, can you send me a text message when it is done?' },
  { speaker: 'agent', text: 'Of course, I will send you an SMS confirmation right after this call.' },
  { speaker: 'customer', text: 'Great, thank you very much.' },
];
