// Marks an OPEN return as done (→ CLOSED).
export const ReturnCloseMutation = `#graphql
  mutation ReturnClose($id: ID!) {
    returnClose(id: $id) {
      return {
        id
        status
        closedAt
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;
