// Remix loaders and actions answer either by returning a Response or by throwing one.

/** The status of the Response a handler returned or threw; 200 for plain data. */
export async function responseStatus(promise: Promise<unknown>): Promise<number> {
  try {
    const value = await promise;
    return value instanceof Response ? value.status : 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}
