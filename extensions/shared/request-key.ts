// The client-generated key that makes a submitted return request safe to retry: generated once
// per review, sent again unchanged when the same submission is retried.
export const newRequestKey = () => `ret-${crypto.randomUUID()}`;
