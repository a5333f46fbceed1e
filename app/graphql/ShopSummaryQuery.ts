// The shop facts Clause's defaults come from: name, currency and the IANA time zone that
// return windows and SLAs are counted in.
export const ShopSummaryQuery = `#graphql
  query ShopSummary {
    shop {
      id
      name
      myshopifyDomain
      currencyCode
      ianaTimezone
    }
  }
`;
