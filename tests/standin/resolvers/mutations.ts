// Mutation fields the stand-in executes; anything else answers NOT_MODELLED_BY_STAND_IN.
import { refundCreate } from "./refund-create";
import { returnApproveRequest, returnClose, returnDeclineRequest, returnRequest } from "./return-lifecycle";
import { returnProcess } from "./return-process";
import { reverseDeliveryCreateWithShipping, reverseFulfillmentOrderDispose } from "./reverse-logistics";
import { shopPolicyUpdate } from "./shop-policy";

export const mutationRoot = {
  returnRequest,
  returnApproveRequest,
  returnDeclineRequest,
  returnClose,
  returnProcess,
  reverseDeliveryCreateWithShipping,
  reverseFulfillmentOrderDispose,
  refundCreate,
  shopPolicyUpdate,
};
