// Generated from schemas/elements.ts by test/elements-shapes.test.ts. Do not edit:
// run `npm run generate -w @kustom/sdk` after changing the schemas.
import type { Shape } from '../internal/shape.js';

export const PaymentMethodsPlacementShape: Shape = {
  "type": "object",
  "properties": {
    "placement": {
      "type": "string",
      "const": "AVAILABLE_PAYMENT_METHODS"
    },
    "payment_methods": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64
          },
          "name": {
            "type": "string"
          },
          "description": {
            "type": "string"
          }
        },
        "required": [
          "id",
          "name",
          "description"
        ]
      }
    }
  },
  "required": [
    "placement",
    "payment_methods"
  ]
};

export const DeliveryMethodsPlacementShape: Shape = {
  "type": "object",
  "properties": {
    "placement": {
      "type": "string",
      "const": "DELIVERY_METHODS"
    },
    "delivery_options": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64
          },
          "carrier": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "type": {
            "type": "string",
            "enum": [
              "home",
              "pickup_point",
              "mailbox"
            ]
          },
          "price": {
            "type": "integer",
            "minimum": 0
          },
          "tax_amount": {
            "type": "integer",
            "minimum": 0
          },
          "tax_rate": {
            "type": "integer",
            "minimum": 0,
            "maximum": 10000
          },
          "currency": {
            "type": "string"
          },
          "delivery_window": {
            "type": "object",
            "properties": {
              "earliest": {
                "type": "string"
              },
              "latest": {
                "type": "string"
              }
            },
            "required": [
              "earliest",
              "latest"
            ]
          },
          "pickup_points": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "id": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 64
                },
                "name": {
                  "type": "string"
                },
                "address": {
                  "type": "object",
                  "properties": {
                    "street_address": {
                      "type": "string"
                    },
                    "postal_code": {
                      "type": "string"
                    },
                    "city": {
                      "type": "string"
                    },
                    "country": {
                      "type": "string"
                    }
                  },
                  "required": [
                    "street_address",
                    "postal_code",
                    "city",
                    "country"
                  ]
                },
                "distance_meters": {
                  "type": "integer",
                  "minimum": 0
                },
                "opening_hours": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "properties": {
                      "days": {
                        "type": "array",
                        "items": {
                          "type": "integer",
                          "minimum": 1,
                          "maximum": 7
                        }
                      },
                      "opens": {
                        "type": "string"
                      },
                      "closes": {
                        "type": "string"
                      }
                    },
                    "required": [
                      "days",
                      "opens",
                      "closes"
                    ]
                  }
                }
              },
              "required": [
                "id",
                "name",
                "address",
                "distance_meters",
                "opening_hours"
              ]
            }
          }
        },
        "required": [
          "id",
          "carrier",
          "name",
          "type",
          "price",
          "tax_amount",
          "tax_rate",
          "currency",
          "delivery_window"
        ]
      }
    }
  },
  "required": [
    "placement",
    "delivery_options"
  ]
};

export const ExpressButtonsPlacementShape: Shape = {
  "type": "object",
  "properties": {
    "placement": {
      "type": "string",
      "const": "EXPRESS_BUTTONS"
    },
    "buttons": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64
          },
          "name": {
            "type": "string"
          }
        },
        "required": [
          "id",
          "name"
        ]
      }
    },
    "approval_url": {
      "type": "string",
      "pattern": "\\{order_id\\}"
    }
  },
  "required": [
    "placement",
    "buttons",
    "approval_url"
  ]
};

export const ElementsErrorBodyShape: Shape = {
  "type": "object",
  "properties": {
    "code": {
      "type": "string"
    },
    "message": {
      "type": "string"
    }
  },
  "required": [
    "code",
    "message"
  ]
};

export const ExpressApprovalMessageShape: Shape = {
  "type": "object",
  "properties": {
    "type": {
      "type": "string",
      "const": "kustom:express"
    },
    "status": {
      "type": "string",
      "enum": [
        "approved",
        "cancelled"
      ]
    },
    "order_id": {
      "type": "string"
    },
    "redirect_url": {
      "type": "string"
    }
  },
  "required": [
    "type",
    "status",
    "order_id"
  ]
};
