import * as $protobuf from "protobufjs/minimal.js";
import Long = require("long");

/** Namespace swarm. */
export namespace swarm {

    /**
     * Properties of a GetRootCACertificateRequest.
     * @deprecated Use swarm.GetRootCACertificateRequest.$Properties instead.
     */
    interface IGetRootCACertificateRequest extends swarm.GetRootCACertificateRequest.$Properties {
    }

    /** Represents a GetRootCACertificateRequest. */
    class GetRootCACertificateRequest {

        /**
         * Constructs a new GetRootCACertificateRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.GetRootCACertificateRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new GetRootCACertificateRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns GetRootCACertificateRequest instance
         */
        static create(properties: swarm.GetRootCACertificateRequest.$Shape): swarm.GetRootCACertificateRequest & swarm.GetRootCACertificateRequest.$Shape;
        static create(properties?: swarm.GetRootCACertificateRequest.$Properties): swarm.GetRootCACertificateRequest;

        /**
         * Encodes the specified GetRootCACertificateRequest message. Does not implicitly {@link swarm.GetRootCACertificateRequest.verify|verify} messages.
         * @param message GetRootCACertificateRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.GetRootCACertificateRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified GetRootCACertificateRequest message, length delimited. Does not implicitly {@link swarm.GetRootCACertificateRequest.verify|verify} messages.
         * @param message GetRootCACertificateRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.GetRootCACertificateRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a GetRootCACertificateRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.GetRootCACertificateRequest & swarm.GetRootCACertificateRequest.$Shape} GetRootCACertificateRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.GetRootCACertificateRequest & swarm.GetRootCACertificateRequest.$Shape;

        /**
         * Decodes a GetRootCACertificateRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.GetRootCACertificateRequest & swarm.GetRootCACertificateRequest.$Shape} GetRootCACertificateRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.GetRootCACertificateRequest & swarm.GetRootCACertificateRequest.$Shape;

        /**
         * Verifies a GetRootCACertificateRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a GetRootCACertificateRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns GetRootCACertificateRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.GetRootCACertificateRequest;

        /**
         * Creates a plain object from a GetRootCACertificateRequest message. Also converts values to other types if specified.
         * @param message GetRootCACertificateRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.GetRootCACertificateRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this GetRootCACertificateRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for GetRootCACertificateRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace GetRootCACertificateRequest {

        /** Properties of a GetRootCACertificateRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a GetRootCACertificateRequest. */
        type $Shape = swarm.GetRootCACertificateRequest.$Properties;
    }

    /**
     * Properties of a GetRootCACertificateResponse.
     * @deprecated Use swarm.GetRootCACertificateResponse.$Properties instead.
     */
    interface IGetRootCACertificateResponse extends swarm.GetRootCACertificateResponse.$Properties {
    }

    /** Represents a GetRootCACertificateResponse. */
    class GetRootCACertificateResponse {

        /**
         * Constructs a new GetRootCACertificateResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.GetRootCACertificateResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** GetRootCACertificateResponse certificate. */
        certificate: Uint8Array;

        /**
         * Creates a new GetRootCACertificateResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns GetRootCACertificateResponse instance
         */
        static create(properties: swarm.GetRootCACertificateResponse.$Shape): swarm.GetRootCACertificateResponse & swarm.GetRootCACertificateResponse.$Shape;
        static create(properties?: swarm.GetRootCACertificateResponse.$Properties): swarm.GetRootCACertificateResponse;

        /**
         * Encodes the specified GetRootCACertificateResponse message. Does not implicitly {@link swarm.GetRootCACertificateResponse.verify|verify} messages.
         * @param message GetRootCACertificateResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.GetRootCACertificateResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified GetRootCACertificateResponse message, length delimited. Does not implicitly {@link swarm.GetRootCACertificateResponse.verify|verify} messages.
         * @param message GetRootCACertificateResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.GetRootCACertificateResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a GetRootCACertificateResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.GetRootCACertificateResponse & swarm.GetRootCACertificateResponse.$Shape} GetRootCACertificateResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.GetRootCACertificateResponse & swarm.GetRootCACertificateResponse.$Shape;

        /**
         * Decodes a GetRootCACertificateResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.GetRootCACertificateResponse & swarm.GetRootCACertificateResponse.$Shape} GetRootCACertificateResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.GetRootCACertificateResponse & swarm.GetRootCACertificateResponse.$Shape;

        /**
         * Verifies a GetRootCACertificateResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a GetRootCACertificateResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns GetRootCACertificateResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.GetRootCACertificateResponse;

        /**
         * Creates a plain object from a GetRootCACertificateResponse message. Also converts values to other types if specified.
         * @param message GetRootCACertificateResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.GetRootCACertificateResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this GetRootCACertificateResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for GetRootCACertificateResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace GetRootCACertificateResponse {

        /** Properties of a GetRootCACertificateResponse. */
        interface $Properties {

            /** GetRootCACertificateResponse certificate */
            certificate?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a GetRootCACertificateResponse. */
        type $Shape = swarm.GetRootCACertificateResponse.$Properties;
    }

    /**
     * Properties of a GetUnlockKeyRequest.
     * @deprecated Use swarm.GetUnlockKeyRequest.$Properties instead.
     */
    interface IGetUnlockKeyRequest extends swarm.GetUnlockKeyRequest.$Properties {
    }

    /** Represents a GetUnlockKeyRequest. */
    class GetUnlockKeyRequest {

        /**
         * Constructs a new GetUnlockKeyRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.GetUnlockKeyRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new GetUnlockKeyRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns GetUnlockKeyRequest instance
         */
        static create(properties: swarm.GetUnlockKeyRequest.$Shape): swarm.GetUnlockKeyRequest & swarm.GetUnlockKeyRequest.$Shape;
        static create(properties?: swarm.GetUnlockKeyRequest.$Properties): swarm.GetUnlockKeyRequest;

        /**
         * Encodes the specified GetUnlockKeyRequest message. Does not implicitly {@link swarm.GetUnlockKeyRequest.verify|verify} messages.
         * @param message GetUnlockKeyRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.GetUnlockKeyRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified GetUnlockKeyRequest message, length delimited. Does not implicitly {@link swarm.GetUnlockKeyRequest.verify|verify} messages.
         * @param message GetUnlockKeyRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.GetUnlockKeyRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a GetUnlockKeyRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.GetUnlockKeyRequest & swarm.GetUnlockKeyRequest.$Shape} GetUnlockKeyRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.GetUnlockKeyRequest & swarm.GetUnlockKeyRequest.$Shape;

        /**
         * Decodes a GetUnlockKeyRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.GetUnlockKeyRequest & swarm.GetUnlockKeyRequest.$Shape} GetUnlockKeyRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.GetUnlockKeyRequest & swarm.GetUnlockKeyRequest.$Shape;

        /**
         * Verifies a GetUnlockKeyRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a GetUnlockKeyRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns GetUnlockKeyRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.GetUnlockKeyRequest;

        /**
         * Creates a plain object from a GetUnlockKeyRequest message. Also converts values to other types if specified.
         * @param message GetUnlockKeyRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.GetUnlockKeyRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this GetUnlockKeyRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for GetUnlockKeyRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace GetUnlockKeyRequest {

        /** Properties of a GetUnlockKeyRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a GetUnlockKeyRequest. */
        type $Shape = swarm.GetUnlockKeyRequest.$Properties;
    }

    /**
     * Properties of a GetUnlockKeyResponse.
     * @deprecated Use swarm.GetUnlockKeyResponse.$Properties instead.
     */
    interface IGetUnlockKeyResponse extends swarm.GetUnlockKeyResponse.$Properties {
    }

    /** Represents a GetUnlockKeyResponse. */
    class GetUnlockKeyResponse {

        /**
         * Constructs a new GetUnlockKeyResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.GetUnlockKeyResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** GetUnlockKeyResponse unlockKey. */
        unlockKey: Uint8Array;

        /** GetUnlockKeyResponse version. */
        version?: (swarm.Version.$Properties|null);

        /**
         * Creates a new GetUnlockKeyResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns GetUnlockKeyResponse instance
         */
        static create(properties: swarm.GetUnlockKeyResponse.$Shape): swarm.GetUnlockKeyResponse & swarm.GetUnlockKeyResponse.$Shape;
        static create(properties?: swarm.GetUnlockKeyResponse.$Properties): swarm.GetUnlockKeyResponse;

        /**
         * Encodes the specified GetUnlockKeyResponse message. Does not implicitly {@link swarm.GetUnlockKeyResponse.verify|verify} messages.
         * @param message GetUnlockKeyResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.GetUnlockKeyResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified GetUnlockKeyResponse message, length delimited. Does not implicitly {@link swarm.GetUnlockKeyResponse.verify|verify} messages.
         * @param message GetUnlockKeyResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.GetUnlockKeyResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a GetUnlockKeyResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.GetUnlockKeyResponse & swarm.GetUnlockKeyResponse.$Shape} GetUnlockKeyResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.GetUnlockKeyResponse & swarm.GetUnlockKeyResponse.$Shape;

        /**
         * Decodes a GetUnlockKeyResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.GetUnlockKeyResponse & swarm.GetUnlockKeyResponse.$Shape} GetUnlockKeyResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.GetUnlockKeyResponse & swarm.GetUnlockKeyResponse.$Shape;

        /**
         * Verifies a GetUnlockKeyResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a GetUnlockKeyResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns GetUnlockKeyResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.GetUnlockKeyResponse;

        /**
         * Creates a plain object from a GetUnlockKeyResponse message. Also converts values to other types if specified.
         * @param message GetUnlockKeyResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.GetUnlockKeyResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this GetUnlockKeyResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for GetUnlockKeyResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace GetUnlockKeyResponse {

        /** Properties of a GetUnlockKeyResponse. */
        interface $Properties {

            /** GetUnlockKeyResponse unlockKey */
            unlockKey?: (Uint8Array|null);

            /** GetUnlockKeyResponse version */
            version?: (swarm.Version.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a GetUnlockKeyResponse. */
        type $Shape = swarm.GetUnlockKeyResponse.$Properties;
    }

    /**
     * Properties of an IssueNodeCertificateRequest.
     * @deprecated Use swarm.IssueNodeCertificateRequest.$Properties instead.
     */
    interface IIssueNodeCertificateRequest extends swarm.IssueNodeCertificateRequest.$Properties {
    }

    /** Represents an IssueNodeCertificateRequest. */
    class IssueNodeCertificateRequest {

        /**
         * Constructs a new IssueNodeCertificateRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.IssueNodeCertificateRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** IssueNodeCertificateRequest role. */
        role: swarm.NodeRole;

        /** IssueNodeCertificateRequest csr. */
        csr: Uint8Array;

        /** IssueNodeCertificateRequest token. */
        token: string;

        /** IssueNodeCertificateRequest availability. */
        availability: swarm.NodeSpec.Availability;

        /**
         * Creates a new IssueNodeCertificateRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns IssueNodeCertificateRequest instance
         */
        static create(properties: swarm.IssueNodeCertificateRequest.$Shape): swarm.IssueNodeCertificateRequest & swarm.IssueNodeCertificateRequest.$Shape;
        static create(properties?: swarm.IssueNodeCertificateRequest.$Properties): swarm.IssueNodeCertificateRequest;

        /**
         * Encodes the specified IssueNodeCertificateRequest message. Does not implicitly {@link swarm.IssueNodeCertificateRequest.verify|verify} messages.
         * @param message IssueNodeCertificateRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.IssueNodeCertificateRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified IssueNodeCertificateRequest message, length delimited. Does not implicitly {@link swarm.IssueNodeCertificateRequest.verify|verify} messages.
         * @param message IssueNodeCertificateRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.IssueNodeCertificateRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an IssueNodeCertificateRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.IssueNodeCertificateRequest & swarm.IssueNodeCertificateRequest.$Shape} IssueNodeCertificateRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.IssueNodeCertificateRequest & swarm.IssueNodeCertificateRequest.$Shape;

        /**
         * Decodes an IssueNodeCertificateRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.IssueNodeCertificateRequest & swarm.IssueNodeCertificateRequest.$Shape} IssueNodeCertificateRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.IssueNodeCertificateRequest & swarm.IssueNodeCertificateRequest.$Shape;

        /**
         * Verifies an IssueNodeCertificateRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an IssueNodeCertificateRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns IssueNodeCertificateRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.IssueNodeCertificateRequest;

        /**
         * Creates a plain object from an IssueNodeCertificateRequest message. Also converts values to other types if specified.
         * @param message IssueNodeCertificateRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.IssueNodeCertificateRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this IssueNodeCertificateRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for IssueNodeCertificateRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace IssueNodeCertificateRequest {

        /** Properties of an IssueNodeCertificateRequest. */
        interface $Properties {

            /** IssueNodeCertificateRequest role */
            role?: (swarm.NodeRole|null);

            /** IssueNodeCertificateRequest csr */
            csr?: (Uint8Array|null);

            /** IssueNodeCertificateRequest token */
            token?: (string|null);

            /** IssueNodeCertificateRequest availability */
            availability?: (swarm.NodeSpec.Availability|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an IssueNodeCertificateRequest. */
        type $Shape = swarm.IssueNodeCertificateRequest.$Properties;
    }

    /**
     * Properties of an IssueNodeCertificateResponse.
     * @deprecated Use swarm.IssueNodeCertificateResponse.$Properties instead.
     */
    interface IIssueNodeCertificateResponse extends swarm.IssueNodeCertificateResponse.$Properties {
    }

    /** Represents an IssueNodeCertificateResponse. */
    class IssueNodeCertificateResponse {

        /**
         * Constructs a new IssueNodeCertificateResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.IssueNodeCertificateResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** IssueNodeCertificateResponse nodeId. */
        nodeId: string;

        /** IssueNodeCertificateResponse nodeMembership. */
        nodeMembership: swarm.NodeSpec.Membership;

        /** IssueNodeCertificateResponse managers. */
        managers: string[];

        /**
         * Creates a new IssueNodeCertificateResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns IssueNodeCertificateResponse instance
         */
        static create(properties: swarm.IssueNodeCertificateResponse.$Shape): swarm.IssueNodeCertificateResponse & swarm.IssueNodeCertificateResponse.$Shape;
        static create(properties?: swarm.IssueNodeCertificateResponse.$Properties): swarm.IssueNodeCertificateResponse;

        /**
         * Encodes the specified IssueNodeCertificateResponse message. Does not implicitly {@link swarm.IssueNodeCertificateResponse.verify|verify} messages.
         * @param message IssueNodeCertificateResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.IssueNodeCertificateResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified IssueNodeCertificateResponse message, length delimited. Does not implicitly {@link swarm.IssueNodeCertificateResponse.verify|verify} messages.
         * @param message IssueNodeCertificateResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.IssueNodeCertificateResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an IssueNodeCertificateResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.IssueNodeCertificateResponse & swarm.IssueNodeCertificateResponse.$Shape} IssueNodeCertificateResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.IssueNodeCertificateResponse & swarm.IssueNodeCertificateResponse.$Shape;

        /**
         * Decodes an IssueNodeCertificateResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.IssueNodeCertificateResponse & swarm.IssueNodeCertificateResponse.$Shape} IssueNodeCertificateResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.IssueNodeCertificateResponse & swarm.IssueNodeCertificateResponse.$Shape;

        /**
         * Verifies an IssueNodeCertificateResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an IssueNodeCertificateResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns IssueNodeCertificateResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.IssueNodeCertificateResponse;

        /**
         * Creates a plain object from an IssueNodeCertificateResponse message. Also converts values to other types if specified.
         * @param message IssueNodeCertificateResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.IssueNodeCertificateResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this IssueNodeCertificateResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for IssueNodeCertificateResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace IssueNodeCertificateResponse {

        /** Properties of an IssueNodeCertificateResponse. */
        interface $Properties {

            /** IssueNodeCertificateResponse nodeId */
            nodeId?: (string|null);

            /** IssueNodeCertificateResponse nodeMembership */
            nodeMembership?: (swarm.NodeSpec.Membership|null);

            /** IssueNodeCertificateResponse managers */
            managers?: (string[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an IssueNodeCertificateResponse. */
        type $Shape = swarm.IssueNodeCertificateResponse.$Properties;
    }

    /**
     * Properties of a NodeCertificateStatusRequest.
     * @deprecated Use swarm.NodeCertificateStatusRequest.$Properties instead.
     */
    interface INodeCertificateStatusRequest extends swarm.NodeCertificateStatusRequest.$Properties {
    }

    /** Represents a NodeCertificateStatusRequest. */
    class NodeCertificateStatusRequest {

        /**
         * Constructs a new NodeCertificateStatusRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.NodeCertificateStatusRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** NodeCertificateStatusRequest nodeId. */
        nodeId: string;

        /**
         * Creates a new NodeCertificateStatusRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns NodeCertificateStatusRequest instance
         */
        static create(properties: swarm.NodeCertificateStatusRequest.$Shape): swarm.NodeCertificateStatusRequest & swarm.NodeCertificateStatusRequest.$Shape;
        static create(properties?: swarm.NodeCertificateStatusRequest.$Properties): swarm.NodeCertificateStatusRequest;

        /**
         * Encodes the specified NodeCertificateStatusRequest message. Does not implicitly {@link swarm.NodeCertificateStatusRequest.verify|verify} messages.
         * @param message NodeCertificateStatusRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.NodeCertificateStatusRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified NodeCertificateStatusRequest message, length delimited. Does not implicitly {@link swarm.NodeCertificateStatusRequest.verify|verify} messages.
         * @param message NodeCertificateStatusRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.NodeCertificateStatusRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a NodeCertificateStatusRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.NodeCertificateStatusRequest & swarm.NodeCertificateStatusRequest.$Shape} NodeCertificateStatusRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.NodeCertificateStatusRequest & swarm.NodeCertificateStatusRequest.$Shape;

        /**
         * Decodes a NodeCertificateStatusRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.NodeCertificateStatusRequest & swarm.NodeCertificateStatusRequest.$Shape} NodeCertificateStatusRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.NodeCertificateStatusRequest & swarm.NodeCertificateStatusRequest.$Shape;

        /**
         * Verifies a NodeCertificateStatusRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a NodeCertificateStatusRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns NodeCertificateStatusRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.NodeCertificateStatusRequest;

        /**
         * Creates a plain object from a NodeCertificateStatusRequest message. Also converts values to other types if specified.
         * @param message NodeCertificateStatusRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.NodeCertificateStatusRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this NodeCertificateStatusRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for NodeCertificateStatusRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace NodeCertificateStatusRequest {

        /** Properties of a NodeCertificateStatusRequest. */
        interface $Properties {

            /** NodeCertificateStatusRequest nodeId */
            nodeId?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a NodeCertificateStatusRequest. */
        type $Shape = swarm.NodeCertificateStatusRequest.$Properties;
    }

    /**
     * Properties of a NodeCertificateStatusResponse.
     * @deprecated Use swarm.NodeCertificateStatusResponse.$Properties instead.
     */
    interface INodeCertificateStatusResponse extends swarm.NodeCertificateStatusResponse.$Properties {
    }

    /** Represents a NodeCertificateStatusResponse. */
    class NodeCertificateStatusResponse {

        /**
         * Constructs a new NodeCertificateStatusResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.NodeCertificateStatusResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** NodeCertificateStatusResponse status. */
        status?: (swarm.IssuanceStatus.$Properties|null);

        /** NodeCertificateStatusResponse certificate. */
        certificate?: (swarm.Certificate.$Properties|null);

        /**
         * Creates a new NodeCertificateStatusResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns NodeCertificateStatusResponse instance
         */
        static create(properties: swarm.NodeCertificateStatusResponse.$Shape): swarm.NodeCertificateStatusResponse & swarm.NodeCertificateStatusResponse.$Shape;
        static create(properties?: swarm.NodeCertificateStatusResponse.$Properties): swarm.NodeCertificateStatusResponse;

        /**
         * Encodes the specified NodeCertificateStatusResponse message. Does not implicitly {@link swarm.NodeCertificateStatusResponse.verify|verify} messages.
         * @param message NodeCertificateStatusResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.NodeCertificateStatusResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified NodeCertificateStatusResponse message, length delimited. Does not implicitly {@link swarm.NodeCertificateStatusResponse.verify|verify} messages.
         * @param message NodeCertificateStatusResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.NodeCertificateStatusResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a NodeCertificateStatusResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.NodeCertificateStatusResponse & swarm.NodeCertificateStatusResponse.$Shape} NodeCertificateStatusResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.NodeCertificateStatusResponse & swarm.NodeCertificateStatusResponse.$Shape;

        /**
         * Decodes a NodeCertificateStatusResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.NodeCertificateStatusResponse & swarm.NodeCertificateStatusResponse.$Shape} NodeCertificateStatusResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.NodeCertificateStatusResponse & swarm.NodeCertificateStatusResponse.$Shape;

        /**
         * Verifies a NodeCertificateStatusResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a NodeCertificateStatusResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns NodeCertificateStatusResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.NodeCertificateStatusResponse;

        /**
         * Creates a plain object from a NodeCertificateStatusResponse message. Also converts values to other types if specified.
         * @param message NodeCertificateStatusResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.NodeCertificateStatusResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this NodeCertificateStatusResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for NodeCertificateStatusResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace NodeCertificateStatusResponse {

        /** Properties of a NodeCertificateStatusResponse. */
        interface $Properties {

            /** NodeCertificateStatusResponse status */
            status?: (swarm.IssuanceStatus.$Properties|null);

            /** NodeCertificateStatusResponse certificate */
            certificate?: (swarm.Certificate.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a NodeCertificateStatusResponse. */
        type $Shape = swarm.NodeCertificateStatusResponse.$Properties;
    }

    /** Represents a CA */
    class CA extends $protobuf.rpc.Service {

        /**
         * Constructs a new CA service.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         */
        constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

        /**
         * Creates new CA service using the specified rpc implementation.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         * @returns RPC service. Useful where requests and/or responses are streamed.
         */
        static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): CA;

        /** Calls GetRootCACertificate. */
        getRootCACertificate: swarm.CA.GetRootCACertificate;

        /** Calls GetUnlockKey. */
        getUnlockKey: swarm.CA.GetUnlockKey;
    }

    namespace CA {

        /**
         * Callback as used by {@link swarm.CA#getRootCACertificate}.
         * @param error Error, if any
         * @param [response] GetRootCACertificateResponse
         */
        type GetRootCACertificateCallback = (error: (Error|null), response?: swarm.GetRootCACertificateResponse) => void;

        /** Calls GetRootCACertificate. */
        type GetRootCACertificate = {
          (request: swarm.IGetRootCACertificateRequest, callback: swarm.CA.GetRootCACertificateCallback): void;
          (request: swarm.IGetRootCACertificateRequest): Promise<swarm.GetRootCACertificateResponse>;
          readonly name: "GetRootCACertificate";
          readonly path: "/swarm.CA/GetRootCACertificate";
          readonly requestType: "GetRootCACertificateRequest";
          readonly responseType: "GetRootCACertificateResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link swarm.CA#getUnlockKey}.
         * @param error Error, if any
         * @param [response] GetUnlockKeyResponse
         */
        type GetUnlockKeyCallback = (error: (Error|null), response?: swarm.GetUnlockKeyResponse) => void;

        /** Calls GetUnlockKey. */
        type GetUnlockKey = {
          (request: swarm.IGetUnlockKeyRequest, callback: swarm.CA.GetUnlockKeyCallback): void;
          (request: swarm.IGetUnlockKeyRequest): Promise<swarm.GetUnlockKeyResponse>;
          readonly name: "GetUnlockKey";
          readonly path: "/swarm.CA/GetUnlockKey";
          readonly requestType: "GetUnlockKeyRequest";
          readonly responseType: "GetUnlockKeyResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };
    }

    /** Represents a NodeCA */
    class NodeCA extends $protobuf.rpc.Service {

        /**
         * Constructs a new NodeCA service.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         */
        constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

        /**
         * Creates new NodeCA service using the specified rpc implementation.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         * @returns RPC service. Useful where requests and/or responses are streamed.
         */
        static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): NodeCA;

        /** Calls IssueNodeCertificate. */
        issueNodeCertificate: swarm.NodeCA.IssueNodeCertificate;

        /** Calls NodeCertificateStatus. */
        nodeCertificateStatus: swarm.NodeCA.NodeCertificateStatus;
    }

    namespace NodeCA {

        /**
         * Callback as used by {@link swarm.NodeCA#issueNodeCertificate}.
         * @param error Error, if any
         * @param [response] IssueNodeCertificateResponse
         */
        type IssueNodeCertificateCallback = (error: (Error|null), response?: swarm.IssueNodeCertificateResponse) => void;

        /** Calls IssueNodeCertificate. */
        type IssueNodeCertificate = {
          (request: swarm.IIssueNodeCertificateRequest, callback: swarm.NodeCA.IssueNodeCertificateCallback): void;
          (request: swarm.IIssueNodeCertificateRequest): Promise<swarm.IssueNodeCertificateResponse>;
          readonly name: "IssueNodeCertificate";
          readonly path: "/swarm.NodeCA/IssueNodeCertificate";
          readonly requestType: "IssueNodeCertificateRequest";
          readonly responseType: "IssueNodeCertificateResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link swarm.NodeCA#nodeCertificateStatus}.
         * @param error Error, if any
         * @param [response] NodeCertificateStatusResponse
         */
        type NodeCertificateStatusCallback = (error: (Error|null), response?: swarm.NodeCertificateStatusResponse) => void;

        /** Calls NodeCertificateStatus. */
        type NodeCertificateStatus = {
          (request: swarm.INodeCertificateStatusRequest, callback: swarm.NodeCA.NodeCertificateStatusCallback): void;
          (request: swarm.INodeCertificateStatusRequest): Promise<swarm.NodeCertificateStatusResponse>;
          readonly name: "NodeCertificateStatus";
          readonly path: "/swarm.NodeCA/NodeCertificateStatus";
          readonly requestType: "NodeCertificateStatusRequest";
          readonly responseType: "NodeCertificateStatusResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };
    }

    /**
     * Properties of a Version.
     * @deprecated Use swarm.Version.$Properties instead.
     */
    interface IVersion extends swarm.Version.$Properties {
    }

    /** Represents a Version. */
    class Version {

        /**
         * Constructs a new Version.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.Version.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Version index. */
        index: Long;

        /**
         * Creates a new Version instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Version instance
         */
        static create(properties: swarm.Version.$Shape): swarm.Version & swarm.Version.$Shape;
        static create(properties?: swarm.Version.$Properties): swarm.Version;

        /**
         * Encodes the specified Version message. Does not implicitly {@link swarm.Version.verify|verify} messages.
         * @param message Version message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.Version.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Version message, length delimited. Does not implicitly {@link swarm.Version.verify|verify} messages.
         * @param message Version message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.Version.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Version message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.Version & swarm.Version.$Shape} Version
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.Version & swarm.Version.$Shape;

        /**
         * Decodes a Version message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.Version & swarm.Version.$Shape} Version
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.Version & swarm.Version.$Shape;

        /**
         * Verifies a Version message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a Version message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Version
         */
        static fromObject(object: { [k: string]: any }): swarm.Version;

        /**
         * Creates a plain object from a Version message. Also converts values to other types if specified.
         * @param message Version
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.Version, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Version to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Version
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Version {

        /** Properties of a Version. */
        interface $Properties {

            /** Version index */
            index?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Version. */
        type $Shape = swarm.Version.$Properties;
    }

    /**
     * Properties of a Meta.
     * @deprecated Use swarm.Meta.$Properties instead.
     */
    interface IMeta extends swarm.Meta.$Properties {
    }

    /** Represents a Meta. */
    class Meta {

        /**
         * Constructs a new Meta.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.Meta.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Meta version. */
        version?: (swarm.Version.$Properties|null);

        /** Meta createdAt. */
        createdAt: Long;

        /** Meta updatedAt. */
        updatedAt: Long;

        /**
         * Creates a new Meta instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Meta instance
         */
        static create(properties: swarm.Meta.$Shape): swarm.Meta & swarm.Meta.$Shape;
        static create(properties?: swarm.Meta.$Properties): swarm.Meta;

        /**
         * Encodes the specified Meta message. Does not implicitly {@link swarm.Meta.verify|verify} messages.
         * @param message Meta message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.Meta.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Meta message, length delimited. Does not implicitly {@link swarm.Meta.verify|verify} messages.
         * @param message Meta message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.Meta.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Meta message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.Meta & swarm.Meta.$Shape} Meta
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.Meta & swarm.Meta.$Shape;

        /**
         * Decodes a Meta message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.Meta & swarm.Meta.$Shape} Meta
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.Meta & swarm.Meta.$Shape;

        /**
         * Verifies a Meta message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a Meta message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Meta
         */
        static fromObject(object: { [k: string]: any }): swarm.Meta;

        /**
         * Creates a plain object from a Meta message. Also converts values to other types if specified.
         * @param message Meta
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.Meta, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Meta to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Meta
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Meta {

        /** Properties of a Meta. */
        interface $Properties {

            /** Meta version */
            version?: (swarm.Version.$Properties|null);

            /** Meta createdAt */
            createdAt?: (Long|null);

            /** Meta updatedAt */
            updatedAt?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Meta. */
        type $Shape = swarm.Meta.$Properties;
    }

    /**
     * Properties of an Annotations.
     * @deprecated Use swarm.Annotations.$Properties instead.
     */
    interface IAnnotations extends swarm.Annotations.$Properties {
    }

    /** Represents an Annotations. */
    class Annotations {

        /**
         * Constructs a new Annotations.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.Annotations.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Annotations name. */
        name: string;

        /** Annotations labels. */
        labels: { [k: string]: string };

        /**
         * Creates a new Annotations instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Annotations instance
         */
        static create(properties: swarm.Annotations.$Shape): swarm.Annotations & swarm.Annotations.$Shape;
        static create(properties?: swarm.Annotations.$Properties): swarm.Annotations;

        /**
         * Encodes the specified Annotations message. Does not implicitly {@link swarm.Annotations.verify|verify} messages.
         * @param message Annotations message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.Annotations.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Annotations message, length delimited. Does not implicitly {@link swarm.Annotations.verify|verify} messages.
         * @param message Annotations message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.Annotations.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an Annotations message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.Annotations & swarm.Annotations.$Shape} Annotations
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.Annotations & swarm.Annotations.$Shape;

        /**
         * Decodes an Annotations message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.Annotations & swarm.Annotations.$Shape} Annotations
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.Annotations & swarm.Annotations.$Shape;

        /**
         * Verifies an Annotations message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an Annotations message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Annotations
         */
        static fromObject(object: { [k: string]: any }): swarm.Annotations;

        /**
         * Creates a plain object from an Annotations message. Also converts values to other types if specified.
         * @param message Annotations
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.Annotations, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Annotations to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Annotations
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Annotations {

        /** Properties of an Annotations. */
        interface $Properties {

            /** Annotations name */
            name?: (string|null);

            /** Annotations labels */
            labels?: ({ [k: string]: string }|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an Annotations. */
        type $Shape = swarm.Annotations.$Properties;
    }

    /**
     * Properties of a Platform.
     * @deprecated Use swarm.Platform.$Properties instead.
     */
    interface IPlatform extends swarm.Platform.$Properties {
    }

    /** Represents a Platform. */
    class Platform {

        /**
         * Constructs a new Platform.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.Platform.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Platform architecture. */
        architecture: string;

        /** Platform os. */
        os: string;

        /**
         * Creates a new Platform instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Platform instance
         */
        static create(properties: swarm.Platform.$Shape): swarm.Platform & swarm.Platform.$Shape;
        static create(properties?: swarm.Platform.$Properties): swarm.Platform;

        /**
         * Encodes the specified Platform message. Does not implicitly {@link swarm.Platform.verify|verify} messages.
         * @param message Platform message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.Platform.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Platform message, length delimited. Does not implicitly {@link swarm.Platform.verify|verify} messages.
         * @param message Platform message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.Platform.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Platform message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.Platform & swarm.Platform.$Shape} Platform
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.Platform & swarm.Platform.$Shape;

        /**
         * Decodes a Platform message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.Platform & swarm.Platform.$Shape} Platform
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.Platform & swarm.Platform.$Shape;

        /**
         * Verifies a Platform message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a Platform message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Platform
         */
        static fromObject(object: { [k: string]: any }): swarm.Platform;

        /**
         * Creates a plain object from a Platform message. Also converts values to other types if specified.
         * @param message Platform
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.Platform, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Platform to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Platform
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Platform {

        /** Properties of a Platform. */
        interface $Properties {

            /** Platform architecture */
            architecture?: (string|null);

            /** Platform os */
            os?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Platform. */
        type $Shape = swarm.Platform.$Properties;
    }

    /**
     * Properties of a Resources.
     * @deprecated Use swarm.Resources.$Properties instead.
     */
    interface IResources extends swarm.Resources.$Properties {
    }

    /** Represents a Resources. */
    class Resources {

        /**
         * Constructs a new Resources.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.Resources.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Resources nanoCpus. */
        nanoCpus: Long;

        /** Resources memoryBytes. */
        memoryBytes: Long;

        /**
         * Creates a new Resources instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Resources instance
         */
        static create(properties: swarm.Resources.$Shape): swarm.Resources & swarm.Resources.$Shape;
        static create(properties?: swarm.Resources.$Properties): swarm.Resources;

        /**
         * Encodes the specified Resources message. Does not implicitly {@link swarm.Resources.verify|verify} messages.
         * @param message Resources message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.Resources.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Resources message, length delimited. Does not implicitly {@link swarm.Resources.verify|verify} messages.
         * @param message Resources message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.Resources.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Resources message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.Resources & swarm.Resources.$Shape} Resources
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.Resources & swarm.Resources.$Shape;

        /**
         * Decodes a Resources message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.Resources & swarm.Resources.$Shape} Resources
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.Resources & swarm.Resources.$Shape;

        /**
         * Verifies a Resources message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a Resources message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Resources
         */
        static fromObject(object: { [k: string]: any }): swarm.Resources;

        /**
         * Creates a plain object from a Resources message. Also converts values to other types if specified.
         * @param message Resources
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.Resources, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Resources to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Resources
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Resources {

        /** Properties of a Resources. */
        interface $Properties {

            /** Resources nanoCpus */
            nanoCpus?: (Long|null);

            /** Resources memoryBytes */
            memoryBytes?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Resources. */
        type $Shape = swarm.Resources.$Properties;
    }

    /**
     * Properties of a ResourceRequirements.
     * @deprecated Use swarm.ResourceRequirements.$Properties instead.
     */
    interface IResourceRequirements extends swarm.ResourceRequirements.$Properties {
    }

    /** Represents a ResourceRequirements. */
    class ResourceRequirements {

        /**
         * Constructs a new ResourceRequirements.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ResourceRequirements.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ResourceRequirements limits. */
        limits?: (swarm.Resources.$Properties|null);

        /** ResourceRequirements reservations. */
        reservations?: (swarm.Resources.$Properties|null);

        /**
         * Creates a new ResourceRequirements instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ResourceRequirements instance
         */
        static create(properties: swarm.ResourceRequirements.$Shape): swarm.ResourceRequirements & swarm.ResourceRequirements.$Shape;
        static create(properties?: swarm.ResourceRequirements.$Properties): swarm.ResourceRequirements;

        /**
         * Encodes the specified ResourceRequirements message. Does not implicitly {@link swarm.ResourceRequirements.verify|verify} messages.
         * @param message ResourceRequirements message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ResourceRequirements.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ResourceRequirements message, length delimited. Does not implicitly {@link swarm.ResourceRequirements.verify|verify} messages.
         * @param message ResourceRequirements message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ResourceRequirements.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ResourceRequirements message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ResourceRequirements & swarm.ResourceRequirements.$Shape} ResourceRequirements
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ResourceRequirements & swarm.ResourceRequirements.$Shape;

        /**
         * Decodes a ResourceRequirements message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ResourceRequirements & swarm.ResourceRequirements.$Shape} ResourceRequirements
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ResourceRequirements & swarm.ResourceRequirements.$Shape;

        /**
         * Verifies a ResourceRequirements message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ResourceRequirements message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ResourceRequirements
         */
        static fromObject(object: { [k: string]: any }): swarm.ResourceRequirements;

        /**
         * Creates a plain object from a ResourceRequirements message. Also converts values to other types if specified.
         * @param message ResourceRequirements
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ResourceRequirements, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ResourceRequirements to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ResourceRequirements
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ResourceRequirements {

        /** Properties of a ResourceRequirements. */
        interface $Properties {

            /** ResourceRequirements limits */
            limits?: (swarm.Resources.$Properties|null);

            /** ResourceRequirements reservations */
            reservations?: (swarm.Resources.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ResourceRequirements. */
        type $Shape = swarm.ResourceRequirements.$Properties;
    }

    /** NodeRole enum. */
    enum NodeRole {

        /** NODE_ROLE_WORKER value */
        NODE_ROLE_WORKER = 0,

        /** NODE_ROLE_MANAGER value */
        NODE_ROLE_MANAGER = 1
    }

    /**
     * Properties of a PortConfig.
     * @deprecated Use swarm.PortConfig.$Properties instead.
     */
    interface IPortConfig extends swarm.PortConfig.$Properties {
    }

    /** Represents a PortConfig. */
    class PortConfig {

        /**
         * Constructs a new PortConfig.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.PortConfig.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** PortConfig name. */
        name: string;

        /** PortConfig protocol. */
        protocol: swarm.PortConfig.Protocol;

        /** PortConfig targetPort. */
        targetPort: number;

        /** PortConfig publishedPort. */
        publishedPort: number;

        /** PortConfig publishMode. */
        publishMode: swarm.PortConfig.PublishMode;

        /**
         * Creates a new PortConfig instance using the specified properties.
         * @param [properties] Properties to set
         * @returns PortConfig instance
         */
        static create(properties: swarm.PortConfig.$Shape): swarm.PortConfig & swarm.PortConfig.$Shape;
        static create(properties?: swarm.PortConfig.$Properties): swarm.PortConfig;

        /**
         * Encodes the specified PortConfig message. Does not implicitly {@link swarm.PortConfig.verify|verify} messages.
         * @param message PortConfig message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.PortConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified PortConfig message, length delimited. Does not implicitly {@link swarm.PortConfig.verify|verify} messages.
         * @param message PortConfig message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.PortConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a PortConfig message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.PortConfig & swarm.PortConfig.$Shape} PortConfig
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.PortConfig & swarm.PortConfig.$Shape;

        /**
         * Decodes a PortConfig message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.PortConfig & swarm.PortConfig.$Shape} PortConfig
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.PortConfig & swarm.PortConfig.$Shape;

        /**
         * Verifies a PortConfig message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a PortConfig message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns PortConfig
         */
        static fromObject(object: { [k: string]: any }): swarm.PortConfig;

        /**
         * Creates a plain object from a PortConfig message. Also converts values to other types if specified.
         * @param message PortConfig
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.PortConfig, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this PortConfig to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for PortConfig
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace PortConfig {

        /** Properties of a PortConfig. */
        interface $Properties {

            /** PortConfig name */
            name?: (string|null);

            /** PortConfig protocol */
            protocol?: (swarm.PortConfig.Protocol|null);

            /** PortConfig targetPort */
            targetPort?: (number|null);

            /** PortConfig publishedPort */
            publishedPort?: (number|null);

            /** PortConfig publishMode */
            publishMode?: (swarm.PortConfig.PublishMode|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a PortConfig. */
        type $Shape = swarm.PortConfig.$Properties;

        /** Protocol enum. */
        enum Protocol {

            /** TCP value */
            TCP = 0,

            /** UDP value */
            UDP = 1
        }

        /** PublishMode enum. */
        enum PublishMode {

            /** INGRESS value */
            INGRESS = 0,

            /** HOST value */
            HOST = 1
        }
    }

    /**
     * Properties of an EndpointSpec.
     * @deprecated Use swarm.EndpointSpec.$Properties instead.
     */
    interface IEndpointSpec extends swarm.EndpointSpec.$Properties {
    }

    /** Represents an EndpointSpec. */
    class EndpointSpec {

        /**
         * Constructs a new EndpointSpec.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.EndpointSpec.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** EndpointSpec ports. */
        ports: swarm.PortConfig.$Properties[];

        /** EndpointSpec mode. */
        mode: swarm.EndpointSpec.ResolutionMode;

        /**
         * Creates a new EndpointSpec instance using the specified properties.
         * @param [properties] Properties to set
         * @returns EndpointSpec instance
         */
        static create(properties: swarm.EndpointSpec.$Shape): swarm.EndpointSpec & swarm.EndpointSpec.$Shape;
        static create(properties?: swarm.EndpointSpec.$Properties): swarm.EndpointSpec;

        /**
         * Encodes the specified EndpointSpec message. Does not implicitly {@link swarm.EndpointSpec.verify|verify} messages.
         * @param message EndpointSpec message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.EndpointSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified EndpointSpec message, length delimited. Does not implicitly {@link swarm.EndpointSpec.verify|verify} messages.
         * @param message EndpointSpec message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.EndpointSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an EndpointSpec message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.EndpointSpec & swarm.EndpointSpec.$Shape} EndpointSpec
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.EndpointSpec & swarm.EndpointSpec.$Shape;

        /**
         * Decodes an EndpointSpec message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.EndpointSpec & swarm.EndpointSpec.$Shape} EndpointSpec
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.EndpointSpec & swarm.EndpointSpec.$Shape;

        /**
         * Verifies an EndpointSpec message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an EndpointSpec message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns EndpointSpec
         */
        static fromObject(object: { [k: string]: any }): swarm.EndpointSpec;

        /**
         * Creates a plain object from an EndpointSpec message. Also converts values to other types if specified.
         * @param message EndpointSpec
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.EndpointSpec, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this EndpointSpec to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for EndpointSpec
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace EndpointSpec {

        /** Properties of an EndpointSpec. */
        interface $Properties {

            /** EndpointSpec ports */
            ports?: (swarm.PortConfig.$Properties[]|null);

            /** EndpointSpec mode */
            mode?: (swarm.EndpointSpec.ResolutionMode|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an EndpointSpec. */
        type $Shape = swarm.EndpointSpec.$Properties;

        /** ResolutionMode enum. */
        enum ResolutionMode {

            /** VIP value */
            VIP = 0,

            /** DNSRR value */
            DNSRR = 1
        }
    }

    /**
     * Properties of an Endpoint.
     * @deprecated Use swarm.Endpoint.$Properties instead.
     */
    interface IEndpoint extends swarm.Endpoint.$Properties {
    }

    /** Represents an Endpoint. */
    class Endpoint {

        /**
         * Constructs a new Endpoint.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.Endpoint.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Endpoint spec. */
        spec?: (swarm.EndpointSpec.$Properties|null);

        /** Endpoint ports. */
        ports: swarm.PortConfig.$Properties[];

        /**
         * Creates a new Endpoint instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Endpoint instance
         */
        static create(properties: swarm.Endpoint.$Shape): swarm.Endpoint & swarm.Endpoint.$Shape;
        static create(properties?: swarm.Endpoint.$Properties): swarm.Endpoint;

        /**
         * Encodes the specified Endpoint message. Does not implicitly {@link swarm.Endpoint.verify|verify} messages.
         * @param message Endpoint message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.Endpoint.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Endpoint message, length delimited. Does not implicitly {@link swarm.Endpoint.verify|verify} messages.
         * @param message Endpoint message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.Endpoint.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an Endpoint message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.Endpoint & swarm.Endpoint.$Shape} Endpoint
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.Endpoint & swarm.Endpoint.$Shape;

        /**
         * Decodes an Endpoint message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.Endpoint & swarm.Endpoint.$Shape} Endpoint
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.Endpoint & swarm.Endpoint.$Shape;

        /**
         * Verifies an Endpoint message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an Endpoint message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Endpoint
         */
        static fromObject(object: { [k: string]: any }): swarm.Endpoint;

        /**
         * Creates a plain object from an Endpoint message. Also converts values to other types if specified.
         * @param message Endpoint
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.Endpoint, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Endpoint to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Endpoint
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Endpoint {

        /** Properties of an Endpoint. */
        interface $Properties {

            /** Endpoint spec */
            spec?: (swarm.EndpointSpec.$Properties|null);

            /** Endpoint ports */
            ports?: (swarm.PortConfig.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an Endpoint. */
        type $Shape = swarm.Endpoint.$Properties;
    }

    /**
     * Properties of a NodeSpec.
     * @deprecated Use swarm.NodeSpec.$Properties instead.
     */
    interface INodeSpec extends swarm.NodeSpec.$Properties {
    }

    /** Represents a NodeSpec. */
    class NodeSpec {

        /**
         * Constructs a new NodeSpec.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.NodeSpec.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** NodeSpec annotations. */
        annotations?: (swarm.Annotations.$Properties|null);

        /** NodeSpec desiredRole. */
        desiredRole: swarm.NodeRole;

        /** NodeSpec membership. */
        membership: swarm.NodeSpec.Membership;

        /** NodeSpec availability. */
        availability: swarm.NodeSpec.Availability;

        /**
         * Creates a new NodeSpec instance using the specified properties.
         * @param [properties] Properties to set
         * @returns NodeSpec instance
         */
        static create(properties: swarm.NodeSpec.$Shape): swarm.NodeSpec & swarm.NodeSpec.$Shape;
        static create(properties?: swarm.NodeSpec.$Properties): swarm.NodeSpec;

        /**
         * Encodes the specified NodeSpec message. Does not implicitly {@link swarm.NodeSpec.verify|verify} messages.
         * @param message NodeSpec message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.NodeSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified NodeSpec message, length delimited. Does not implicitly {@link swarm.NodeSpec.verify|verify} messages.
         * @param message NodeSpec message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.NodeSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a NodeSpec message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.NodeSpec & swarm.NodeSpec.$Shape} NodeSpec
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.NodeSpec & swarm.NodeSpec.$Shape;

        /**
         * Decodes a NodeSpec message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.NodeSpec & swarm.NodeSpec.$Shape} NodeSpec
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.NodeSpec & swarm.NodeSpec.$Shape;

        /**
         * Verifies a NodeSpec message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a NodeSpec message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns NodeSpec
         */
        static fromObject(object: { [k: string]: any }): swarm.NodeSpec;

        /**
         * Creates a plain object from a NodeSpec message. Also converts values to other types if specified.
         * @param message NodeSpec
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.NodeSpec, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this NodeSpec to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for NodeSpec
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace NodeSpec {

        /** Properties of a NodeSpec. */
        interface $Properties {

            /** NodeSpec annotations */
            annotations?: (swarm.Annotations.$Properties|null);

            /** NodeSpec desiredRole */
            desiredRole?: (swarm.NodeRole|null);

            /** NodeSpec membership */
            membership?: (swarm.NodeSpec.Membership|null);

            /** NodeSpec availability */
            availability?: (swarm.NodeSpec.Availability|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a NodeSpec. */
        type $Shape = swarm.NodeSpec.$Properties;

        /** Membership enum. */
        enum Membership {

            /** PENDING value */
            PENDING = 0,

            /** ACCEPTED value */
            ACCEPTED = 1
        }

        /** Availability enum. */
        enum Availability {

            /** ACTIVE value */
            ACTIVE = 0,

            /** PAUSE value */
            PAUSE = 1,

            /** DRAIN value */
            DRAIN = 2
        }
    }

    /**
     * Properties of a NodeTLSInfo.
     * @deprecated Use swarm.NodeTLSInfo.$Properties instead.
     */
    interface INodeTLSInfo extends swarm.NodeTLSInfo.$Properties {
    }

    /** Represents a NodeTLSInfo. */
    class NodeTLSInfo {

        /**
         * Constructs a new NodeTLSInfo.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.NodeTLSInfo.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** NodeTLSInfo trustRoot. */
        trustRoot: Uint8Array;

        /** NodeTLSInfo certIssuerSubject. */
        certIssuerSubject: Uint8Array;

        /** NodeTLSInfo certIssuerPublicKey. */
        certIssuerPublicKey: Uint8Array;

        /**
         * Creates a new NodeTLSInfo instance using the specified properties.
         * @param [properties] Properties to set
         * @returns NodeTLSInfo instance
         */
        static create(properties: swarm.NodeTLSInfo.$Shape): swarm.NodeTLSInfo & swarm.NodeTLSInfo.$Shape;
        static create(properties?: swarm.NodeTLSInfo.$Properties): swarm.NodeTLSInfo;

        /**
         * Encodes the specified NodeTLSInfo message. Does not implicitly {@link swarm.NodeTLSInfo.verify|verify} messages.
         * @param message NodeTLSInfo message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.NodeTLSInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified NodeTLSInfo message, length delimited. Does not implicitly {@link swarm.NodeTLSInfo.verify|verify} messages.
         * @param message NodeTLSInfo message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.NodeTLSInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a NodeTLSInfo message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.NodeTLSInfo & swarm.NodeTLSInfo.$Shape} NodeTLSInfo
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.NodeTLSInfo & swarm.NodeTLSInfo.$Shape;

        /**
         * Decodes a NodeTLSInfo message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.NodeTLSInfo & swarm.NodeTLSInfo.$Shape} NodeTLSInfo
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.NodeTLSInfo & swarm.NodeTLSInfo.$Shape;

        /**
         * Verifies a NodeTLSInfo message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a NodeTLSInfo message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns NodeTLSInfo
         */
        static fromObject(object: { [k: string]: any }): swarm.NodeTLSInfo;

        /**
         * Creates a plain object from a NodeTLSInfo message. Also converts values to other types if specified.
         * @param message NodeTLSInfo
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.NodeTLSInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this NodeTLSInfo to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for NodeTLSInfo
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace NodeTLSInfo {

        /** Properties of a NodeTLSInfo. */
        interface $Properties {

            /** NodeTLSInfo trustRoot */
            trustRoot?: (Uint8Array|null);

            /** NodeTLSInfo certIssuerSubject */
            certIssuerSubject?: (Uint8Array|null);

            /** NodeTLSInfo certIssuerPublicKey */
            certIssuerPublicKey?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a NodeTLSInfo. */
        type $Shape = swarm.NodeTLSInfo.$Properties;
    }

    /**
     * Properties of a NodeDescription.
     * @deprecated Use swarm.NodeDescription.$Properties instead.
     */
    interface INodeDescription extends swarm.NodeDescription.$Properties {
    }

    /** Represents a NodeDescription. */
    class NodeDescription {

        /**
         * Constructs a new NodeDescription.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.NodeDescription.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** NodeDescription hostname. */
        hostname: string;

        /** NodeDescription platform. */
        platform?: (swarm.Platform.$Properties|null);

        /** NodeDescription resources. */
        resources?: (swarm.Resources.$Properties|null);

        /** NodeDescription engineLabels. */
        engineLabels: { [k: string]: string };

        /** NodeDescription tlsInfo. */
        tlsInfo?: (swarm.NodeTLSInfo.$Properties|null);

        /** NodeDescription addr. */
        addr: string;

        /** NodeDescription imagePolicyDigest. */
        imagePolicyDigest: string;

        /** NodeDescription engine. */
        engine?: (swarm.EngineDescription.$Properties|null);

        /**
         * Creates a new NodeDescription instance using the specified properties.
         * @param [properties] Properties to set
         * @returns NodeDescription instance
         */
        static create(properties: swarm.NodeDescription.$Shape): swarm.NodeDescription & swarm.NodeDescription.$Shape;
        static create(properties?: swarm.NodeDescription.$Properties): swarm.NodeDescription;

        /**
         * Encodes the specified NodeDescription message. Does not implicitly {@link swarm.NodeDescription.verify|verify} messages.
         * @param message NodeDescription message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.NodeDescription.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified NodeDescription message, length delimited. Does not implicitly {@link swarm.NodeDescription.verify|verify} messages.
         * @param message NodeDescription message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.NodeDescription.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a NodeDescription message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.NodeDescription & swarm.NodeDescription.$Shape} NodeDescription
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.NodeDescription & swarm.NodeDescription.$Shape;

        /**
         * Decodes a NodeDescription message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.NodeDescription & swarm.NodeDescription.$Shape} NodeDescription
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.NodeDescription & swarm.NodeDescription.$Shape;

        /**
         * Verifies a NodeDescription message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a NodeDescription message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns NodeDescription
         */
        static fromObject(object: { [k: string]: any }): swarm.NodeDescription;

        /**
         * Creates a plain object from a NodeDescription message. Also converts values to other types if specified.
         * @param message NodeDescription
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.NodeDescription, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this NodeDescription to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for NodeDescription
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace NodeDescription {

        /** Properties of a NodeDescription. */
        interface $Properties {

            /** NodeDescription hostname */
            hostname?: (string|null);

            /** NodeDescription platform */
            platform?: (swarm.Platform.$Properties|null);

            /** NodeDescription resources */
            resources?: (swarm.Resources.$Properties|null);

            /** NodeDescription engineLabels */
            engineLabels?: ({ [k: string]: string }|null);

            /** NodeDescription tlsInfo */
            tlsInfo?: (swarm.NodeTLSInfo.$Properties|null);

            /** NodeDescription addr */
            addr?: (string|null);

            /** NodeDescription imagePolicyDigest */
            imagePolicyDigest?: (string|null);

            /** NodeDescription engine */
            engine?: (swarm.EngineDescription.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a NodeDescription. */
        type $Shape = swarm.NodeDescription.$Properties;
    }

    /**
     * Properties of an EngineDescription.
     * @deprecated Use swarm.EngineDescription.$Properties instead.
     */
    interface IEngineDescription extends swarm.EngineDescription.$Properties {
    }

    /** Represents an EngineDescription. */
    class EngineDescription {

        /**
         * Constructs a new EngineDescription.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.EngineDescription.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** EngineDescription executor. */
        executor: string;

        /** EngineDescription engineVersion. */
        engineVersion: string;

        /** EngineDescription network. */
        network: string;

        /**
         * Creates a new EngineDescription instance using the specified properties.
         * @param [properties] Properties to set
         * @returns EngineDescription instance
         */
        static create(properties: swarm.EngineDescription.$Shape): swarm.EngineDescription & swarm.EngineDescription.$Shape;
        static create(properties?: swarm.EngineDescription.$Properties): swarm.EngineDescription;

        /**
         * Encodes the specified EngineDescription message. Does not implicitly {@link swarm.EngineDescription.verify|verify} messages.
         * @param message EngineDescription message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.EngineDescription.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified EngineDescription message, length delimited. Does not implicitly {@link swarm.EngineDescription.verify|verify} messages.
         * @param message EngineDescription message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.EngineDescription.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an EngineDescription message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.EngineDescription & swarm.EngineDescription.$Shape} EngineDescription
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.EngineDescription & swarm.EngineDescription.$Shape;

        /**
         * Decodes an EngineDescription message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.EngineDescription & swarm.EngineDescription.$Shape} EngineDescription
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.EngineDescription & swarm.EngineDescription.$Shape;

        /**
         * Verifies an EngineDescription message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an EngineDescription message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns EngineDescription
         */
        static fromObject(object: { [k: string]: any }): swarm.EngineDescription;

        /**
         * Creates a plain object from an EngineDescription message. Also converts values to other types if specified.
         * @param message EngineDescription
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.EngineDescription, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this EngineDescription to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for EngineDescription
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace EngineDescription {

        /** Properties of an EngineDescription. */
        interface $Properties {

            /** EngineDescription executor */
            executor?: (string|null);

            /** EngineDescription engineVersion */
            engineVersion?: (string|null);

            /** EngineDescription network */
            network?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an EngineDescription. */
        type $Shape = swarm.EngineDescription.$Properties;
    }

    /**
     * Properties of a NodeStatus.
     * @deprecated Use swarm.NodeStatus.$Properties instead.
     */
    interface INodeStatus extends swarm.NodeStatus.$Properties {
    }

    /** Represents a NodeStatus. */
    class NodeStatus {

        /**
         * Constructs a new NodeStatus.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.NodeStatus.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** NodeStatus state. */
        state: swarm.NodeStatus.State;

        /** NodeStatus message. */
        message: string;

        /** NodeStatus addr. */
        addr: string;

        /**
         * Creates a new NodeStatus instance using the specified properties.
         * @param [properties] Properties to set
         * @returns NodeStatus instance
         */
        static create(properties: swarm.NodeStatus.$Shape): swarm.NodeStatus & swarm.NodeStatus.$Shape;
        static create(properties?: swarm.NodeStatus.$Properties): swarm.NodeStatus;

        /**
         * Encodes the specified NodeStatus message. Does not implicitly {@link swarm.NodeStatus.verify|verify} messages.
         * @param message NodeStatus message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.NodeStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified NodeStatus message, length delimited. Does not implicitly {@link swarm.NodeStatus.verify|verify} messages.
         * @param message NodeStatus message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.NodeStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a NodeStatus message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.NodeStatus & swarm.NodeStatus.$Shape} NodeStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.NodeStatus & swarm.NodeStatus.$Shape;

        /**
         * Decodes a NodeStatus message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.NodeStatus & swarm.NodeStatus.$Shape} NodeStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.NodeStatus & swarm.NodeStatus.$Shape;

        /**
         * Verifies a NodeStatus message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a NodeStatus message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns NodeStatus
         */
        static fromObject(object: { [k: string]: any }): swarm.NodeStatus;

        /**
         * Creates a plain object from a NodeStatus message. Also converts values to other types if specified.
         * @param message NodeStatus
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.NodeStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this NodeStatus to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for NodeStatus
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace NodeStatus {

        /** Properties of a NodeStatus. */
        interface $Properties {

            /** NodeStatus state */
            state?: (swarm.NodeStatus.State|null);

            /** NodeStatus message */
            message?: (string|null);

            /** NodeStatus addr */
            addr?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a NodeStatus. */
        type $Shape = swarm.NodeStatus.$Properties;

        /** State enum. */
        enum State {

            /** UNKNOWN value */
            UNKNOWN = 0,

            /** DOWN value */
            DOWN = 1,

            /** READY value */
            READY = 2,

            /** DISCONNECTED value */
            DISCONNECTED = 3
        }
    }

    /**
     * Properties of a ManagerStatus.
     * @deprecated Use swarm.ManagerStatus.$Properties instead.
     */
    interface IManagerStatus extends swarm.ManagerStatus.$Properties {
    }

    /** Represents a ManagerStatus. */
    class ManagerStatus {

        /**
         * Constructs a new ManagerStatus.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ManagerStatus.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ManagerStatus raftId. */
        raftId: Long;

        /** ManagerStatus addr. */
        addr: string;

        /** ManagerStatus leader. */
        leader: boolean;

        /** ManagerStatus reachability. */
        reachability: swarm.ManagerStatus.Reachability;

        /**
         * Creates a new ManagerStatus instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ManagerStatus instance
         */
        static create(properties: swarm.ManagerStatus.$Shape): swarm.ManagerStatus & swarm.ManagerStatus.$Shape;
        static create(properties?: swarm.ManagerStatus.$Properties): swarm.ManagerStatus;

        /**
         * Encodes the specified ManagerStatus message. Does not implicitly {@link swarm.ManagerStatus.verify|verify} messages.
         * @param message ManagerStatus message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ManagerStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ManagerStatus message, length delimited. Does not implicitly {@link swarm.ManagerStatus.verify|verify} messages.
         * @param message ManagerStatus message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ManagerStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ManagerStatus message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ManagerStatus & swarm.ManagerStatus.$Shape} ManagerStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ManagerStatus & swarm.ManagerStatus.$Shape;

        /**
         * Decodes a ManagerStatus message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ManagerStatus & swarm.ManagerStatus.$Shape} ManagerStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ManagerStatus & swarm.ManagerStatus.$Shape;

        /**
         * Verifies a ManagerStatus message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ManagerStatus message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ManagerStatus
         */
        static fromObject(object: { [k: string]: any }): swarm.ManagerStatus;

        /**
         * Creates a plain object from a ManagerStatus message. Also converts values to other types if specified.
         * @param message ManagerStatus
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ManagerStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ManagerStatus to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ManagerStatus
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ManagerStatus {

        /** Properties of a ManagerStatus. */
        interface $Properties {

            /** ManagerStatus raftId */
            raftId?: (Long|null);

            /** ManagerStatus addr */
            addr?: (string|null);

            /** ManagerStatus leader */
            leader?: (boolean|null);

            /** ManagerStatus reachability */
            reachability?: (swarm.ManagerStatus.Reachability|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ManagerStatus. */
        type $Shape = swarm.ManagerStatus.$Properties;

        /** Reachability enum. */
        enum Reachability {

            /** UNKNOWN value */
            UNKNOWN = 0,

            /** UNREACHABLE value */
            UNREACHABLE = 1,

            /** REACHABLE value */
            REACHABLE = 2
        }
    }

    /** IssuanceState enum. */
    enum IssuanceState {

        /** ISSUANCE_STATE_UNKNOWN value */
        ISSUANCE_STATE_UNKNOWN = 0,

        /** ISSUANCE_STATE_RENEW value */
        ISSUANCE_STATE_RENEW = 1,

        /** ISSUANCE_STATE_PENDING value */
        ISSUANCE_STATE_PENDING = 2,

        /** ISSUANCE_STATE_ISSUED value */
        ISSUANCE_STATE_ISSUED = 3,

        /** ISSUANCE_STATE_FAILED value */
        ISSUANCE_STATE_FAILED = 4,

        /** ISSUANCE_STATE_ROTATE value */
        ISSUANCE_STATE_ROTATE = 5
    }

    /**
     * Properties of an IssuanceStatus.
     * @deprecated Use swarm.IssuanceStatus.$Properties instead.
     */
    interface IIssuanceStatus extends swarm.IssuanceStatus.$Properties {
    }

    /** Represents an IssuanceStatus. */
    class IssuanceStatus {

        /**
         * Constructs a new IssuanceStatus.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.IssuanceStatus.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** IssuanceStatus state. */
        state: swarm.IssuanceState;

        /** IssuanceStatus err. */
        err: string;

        /**
         * Creates a new IssuanceStatus instance using the specified properties.
         * @param [properties] Properties to set
         * @returns IssuanceStatus instance
         */
        static create(properties: swarm.IssuanceStatus.$Shape): swarm.IssuanceStatus & swarm.IssuanceStatus.$Shape;
        static create(properties?: swarm.IssuanceStatus.$Properties): swarm.IssuanceStatus;

        /**
         * Encodes the specified IssuanceStatus message. Does not implicitly {@link swarm.IssuanceStatus.verify|verify} messages.
         * @param message IssuanceStatus message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.IssuanceStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified IssuanceStatus message, length delimited. Does not implicitly {@link swarm.IssuanceStatus.verify|verify} messages.
         * @param message IssuanceStatus message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.IssuanceStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an IssuanceStatus message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.IssuanceStatus & swarm.IssuanceStatus.$Shape} IssuanceStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.IssuanceStatus & swarm.IssuanceStatus.$Shape;

        /**
         * Decodes an IssuanceStatus message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.IssuanceStatus & swarm.IssuanceStatus.$Shape} IssuanceStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.IssuanceStatus & swarm.IssuanceStatus.$Shape;

        /**
         * Verifies an IssuanceStatus message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an IssuanceStatus message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns IssuanceStatus
         */
        static fromObject(object: { [k: string]: any }): swarm.IssuanceStatus;

        /**
         * Creates a plain object from an IssuanceStatus message. Also converts values to other types if specified.
         * @param message IssuanceStatus
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.IssuanceStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this IssuanceStatus to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for IssuanceStatus
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace IssuanceStatus {

        /** Properties of an IssuanceStatus. */
        interface $Properties {

            /** IssuanceStatus state */
            state?: (swarm.IssuanceState|null);

            /** IssuanceStatus err */
            err?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an IssuanceStatus. */
        type $Shape = swarm.IssuanceStatus.$Properties;
    }

    /**
     * Properties of a Certificate.
     * @deprecated Use swarm.Certificate.$Properties instead.
     */
    interface ICertificate extends swarm.Certificate.$Properties {
    }

    /** Represents a Certificate. */
    class Certificate {

        /**
         * Constructs a new Certificate.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.Certificate.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Certificate role. */
        role: swarm.NodeRole;

        /** Certificate csr. */
        csr: Uint8Array;

        /** Certificate status. */
        status?: (swarm.IssuanceStatus.$Properties|null);

        /** Certificate certificate. */
        certificate: Uint8Array;

        /** Certificate cn. */
        cn: string;

        /**
         * Creates a new Certificate instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Certificate instance
         */
        static create(properties: swarm.Certificate.$Shape): swarm.Certificate & swarm.Certificate.$Shape;
        static create(properties?: swarm.Certificate.$Properties): swarm.Certificate;

        /**
         * Encodes the specified Certificate message. Does not implicitly {@link swarm.Certificate.verify|verify} messages.
         * @param message Certificate message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.Certificate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Certificate message, length delimited. Does not implicitly {@link swarm.Certificate.verify|verify} messages.
         * @param message Certificate message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.Certificate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Certificate message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.Certificate & swarm.Certificate.$Shape} Certificate
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.Certificate & swarm.Certificate.$Shape;

        /**
         * Decodes a Certificate message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.Certificate & swarm.Certificate.$Shape} Certificate
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.Certificate & swarm.Certificate.$Shape;

        /**
         * Verifies a Certificate message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a Certificate message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Certificate
         */
        static fromObject(object: { [k: string]: any }): swarm.Certificate;

        /**
         * Creates a plain object from a Certificate message. Also converts values to other types if specified.
         * @param message Certificate
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.Certificate, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Certificate to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Certificate
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Certificate {

        /** Properties of a Certificate. */
        interface $Properties {

            /** Certificate role */
            role?: (swarm.NodeRole|null);

            /** Certificate csr */
            csr?: (Uint8Array|null);

            /** Certificate status */
            status?: (swarm.IssuanceStatus.$Properties|null);

            /** Certificate certificate */
            certificate?: (Uint8Array|null);

            /** Certificate cn */
            cn?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Certificate. */
        type $Shape = swarm.Certificate.$Properties;
    }

    /**
     * Properties of a Node.
     * @deprecated Use swarm.Node.$Properties instead.
     */
    interface INode extends swarm.Node.$Properties {
    }

    /** Represents a Node. */
    class Node {

        /**
         * Constructs a new Node.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.Node.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Node id. */
        id: string;

        /** Node meta. */
        meta?: (swarm.Meta.$Properties|null);

        /** Node spec. */
        spec?: (swarm.NodeSpec.$Properties|null);

        /** Node description. */
        description?: (swarm.NodeDescription.$Properties|null);

        /** Node status. */
        status?: (swarm.NodeStatus.$Properties|null);

        /** Node managerStatus. */
        managerStatus?: (swarm.ManagerStatus.$Properties|null);

        /** Node role. */
        role: swarm.NodeRole;

        /** Node certificate. */
        certificate?: (swarm.Certificate.$Properties|null);

        /** Node zone. */
        zone: string;

        /**
         * Creates a new Node instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Node instance
         */
        static create(properties: swarm.Node.$Shape): swarm.Node & swarm.Node.$Shape;
        static create(properties?: swarm.Node.$Properties): swarm.Node;

        /**
         * Encodes the specified Node message. Does not implicitly {@link swarm.Node.verify|verify} messages.
         * @param message Node message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.Node.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Node message, length delimited. Does not implicitly {@link swarm.Node.verify|verify} messages.
         * @param message Node message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.Node.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Node message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.Node & swarm.Node.$Shape} Node
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.Node & swarm.Node.$Shape;

        /**
         * Decodes a Node message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.Node & swarm.Node.$Shape} Node
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.Node & swarm.Node.$Shape;

        /**
         * Verifies a Node message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a Node message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Node
         */
        static fromObject(object: { [k: string]: any }): swarm.Node;

        /**
         * Creates a plain object from a Node message. Also converts values to other types if specified.
         * @param message Node
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.Node, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Node to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Node
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Node {

        /** Properties of a Node. */
        interface $Properties {

            /** Node id */
            id?: (string|null);

            /** Node meta */
            meta?: (swarm.Meta.$Properties|null);

            /** Node spec */
            spec?: (swarm.NodeSpec.$Properties|null);

            /** Node description */
            description?: (swarm.NodeDescription.$Properties|null);

            /** Node status */
            status?: (swarm.NodeStatus.$Properties|null);

            /** Node managerStatus */
            managerStatus?: (swarm.ManagerStatus.$Properties|null);

            /** Node role */
            role?: (swarm.NodeRole|null);

            /** Node certificate */
            certificate?: (swarm.Certificate.$Properties|null);

            /** Node zone */
            zone?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Node. */
        type $Shape = swarm.Node.$Properties;
    }

    /**
     * Properties of a SecretReference.
     * @deprecated Use swarm.SecretReference.$Properties instead.
     */
    interface ISecretReference extends swarm.SecretReference.$Properties {
    }

    /** Represents a SecretReference. */
    class SecretReference {

        /**
         * Constructs a new SecretReference.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.SecretReference.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SecretReference secretId. */
        secretId: string;

        /** SecretReference secretName. */
        secretName: string;

        /** SecretReference target. */
        target: string;

        /** SecretReference uid. */
        uid: number;

        /** SecretReference gid. */
        gid: number;

        /** SecretReference mode. */
        mode: number;

        /**
         * Creates a new SecretReference instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SecretReference instance
         */
        static create(properties: swarm.SecretReference.$Shape): swarm.SecretReference & swarm.SecretReference.$Shape;
        static create(properties?: swarm.SecretReference.$Properties): swarm.SecretReference;

        /**
         * Encodes the specified SecretReference message. Does not implicitly {@link swarm.SecretReference.verify|verify} messages.
         * @param message SecretReference message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.SecretReference.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified SecretReference message, length delimited. Does not implicitly {@link swarm.SecretReference.verify|verify} messages.
         * @param message SecretReference message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.SecretReference.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SecretReference message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.SecretReference & swarm.SecretReference.$Shape} SecretReference
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.SecretReference & swarm.SecretReference.$Shape;

        /**
         * Decodes a SecretReference message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.SecretReference & swarm.SecretReference.$Shape} SecretReference
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.SecretReference & swarm.SecretReference.$Shape;

        /**
         * Verifies a SecretReference message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a SecretReference message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns SecretReference
         */
        static fromObject(object: { [k: string]: any }): swarm.SecretReference;

        /**
         * Creates a plain object from a SecretReference message. Also converts values to other types if specified.
         * @param message SecretReference
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.SecretReference, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this SecretReference to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for SecretReference
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace SecretReference {

        /** Properties of a SecretReference. */
        interface $Properties {

            /** SecretReference secretId */
            secretId?: (string|null);

            /** SecretReference secretName */
            secretName?: (string|null);

            /** SecretReference target */
            target?: (string|null);

            /** SecretReference uid */
            uid?: (number|null);

            /** SecretReference gid */
            gid?: (number|null);

            /** SecretReference mode */
            mode?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SecretReference. */
        type $Shape = swarm.SecretReference.$Properties;
    }

    /**
     * Properties of a ConfigReference.
     * @deprecated Use swarm.ConfigReference.$Properties instead.
     */
    interface IConfigReference extends swarm.ConfigReference.$Properties {
    }

    /** Represents a ConfigReference. */
    class ConfigReference {

        /**
         * Constructs a new ConfigReference.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ConfigReference.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ConfigReference configId. */
        configId: string;

        /** ConfigReference configName. */
        configName: string;

        /** ConfigReference target. */
        target: string;

        /** ConfigReference uid. */
        uid: number;

        /** ConfigReference gid. */
        gid: number;

        /** ConfigReference mode. */
        mode: number;

        /**
         * Creates a new ConfigReference instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ConfigReference instance
         */
        static create(properties: swarm.ConfigReference.$Shape): swarm.ConfigReference & swarm.ConfigReference.$Shape;
        static create(properties?: swarm.ConfigReference.$Properties): swarm.ConfigReference;

        /**
         * Encodes the specified ConfigReference message. Does not implicitly {@link swarm.ConfigReference.verify|verify} messages.
         * @param message ConfigReference message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ConfigReference.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ConfigReference message, length delimited. Does not implicitly {@link swarm.ConfigReference.verify|verify} messages.
         * @param message ConfigReference message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ConfigReference.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ConfigReference message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ConfigReference & swarm.ConfigReference.$Shape} ConfigReference
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ConfigReference & swarm.ConfigReference.$Shape;

        /**
         * Decodes a ConfigReference message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ConfigReference & swarm.ConfigReference.$Shape} ConfigReference
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ConfigReference & swarm.ConfigReference.$Shape;

        /**
         * Verifies a ConfigReference message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ConfigReference message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ConfigReference
         */
        static fromObject(object: { [k: string]: any }): swarm.ConfigReference;

        /**
         * Creates a plain object from a ConfigReference message. Also converts values to other types if specified.
         * @param message ConfigReference
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ConfigReference, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ConfigReference to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ConfigReference
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ConfigReference {

        /** Properties of a ConfigReference. */
        interface $Properties {

            /** ConfigReference configId */
            configId?: (string|null);

            /** ConfigReference configName */
            configName?: (string|null);

            /** ConfigReference target */
            target?: (string|null);

            /** ConfigReference uid */
            uid?: (number|null);

            /** ConfigReference gid */
            gid?: (number|null);

            /** ConfigReference mode */
            mode?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ConfigReference. */
        type $Shape = swarm.ConfigReference.$Properties;
    }

    /**
     * Properties of a ContainerSpec.
     * @deprecated Use swarm.ContainerSpec.$Properties instead.
     */
    interface IContainerSpec extends swarm.ContainerSpec.$Properties {
    }

    /** Represents a ContainerSpec. */
    class ContainerSpec {

        /**
         * Constructs a new ContainerSpec.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ContainerSpec.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ContainerSpec image. */
        image: string;

        /** ContainerSpec command. */
        command: string[];

        /** ContainerSpec args. */
        args: string[];

        /** ContainerSpec env. */
        env: string[];

        /** ContainerSpec dir. */
        dir: string;

        /** ContainerSpec user. */
        user: string;

        /** ContainerSpec hostname. */
        hostname: string;

        /** ContainerSpec secrets. */
        secrets: swarm.SecretReference.$Properties[];

        /** ContainerSpec labels. */
        labels: { [k: string]: string };

        /** ContainerSpec stopGracePeriodMs. */
        stopGracePeriodMs: Long;

        /** ContainerSpec healthcheck. */
        healthcheck?: (swarm.HealthConfig.$Properties|null);

        /** ContainerSpec configs. */
        configs: swarm.ConfigReference.$Properties[];

        /**
         * Creates a new ContainerSpec instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ContainerSpec instance
         */
        static create(properties: swarm.ContainerSpec.$Shape): swarm.ContainerSpec & swarm.ContainerSpec.$Shape;
        static create(properties?: swarm.ContainerSpec.$Properties): swarm.ContainerSpec;

        /**
         * Encodes the specified ContainerSpec message. Does not implicitly {@link swarm.ContainerSpec.verify|verify} messages.
         * @param message ContainerSpec message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ContainerSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ContainerSpec message, length delimited. Does not implicitly {@link swarm.ContainerSpec.verify|verify} messages.
         * @param message ContainerSpec message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ContainerSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ContainerSpec message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ContainerSpec & swarm.ContainerSpec.$Shape} ContainerSpec
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ContainerSpec & swarm.ContainerSpec.$Shape;

        /**
         * Decodes a ContainerSpec message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ContainerSpec & swarm.ContainerSpec.$Shape} ContainerSpec
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ContainerSpec & swarm.ContainerSpec.$Shape;

        /**
         * Verifies a ContainerSpec message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ContainerSpec message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ContainerSpec
         */
        static fromObject(object: { [k: string]: any }): swarm.ContainerSpec;

        /**
         * Creates a plain object from a ContainerSpec message. Also converts values to other types if specified.
         * @param message ContainerSpec
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ContainerSpec, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ContainerSpec to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ContainerSpec
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ContainerSpec {

        /** Properties of a ContainerSpec. */
        interface $Properties {

            /** ContainerSpec image */
            image?: (string|null);

            /** ContainerSpec command */
            command?: (string[]|null);

            /** ContainerSpec args */
            args?: (string[]|null);

            /** ContainerSpec env */
            env?: (string[]|null);

            /** ContainerSpec dir */
            dir?: (string|null);

            /** ContainerSpec user */
            user?: (string|null);

            /** ContainerSpec hostname */
            hostname?: (string|null);

            /** ContainerSpec secrets */
            secrets?: (swarm.SecretReference.$Properties[]|null);

            /** ContainerSpec labels */
            labels?: ({ [k: string]: string }|null);

            /** ContainerSpec stopGracePeriodMs */
            stopGracePeriodMs?: (Long|null);

            /** ContainerSpec healthcheck */
            healthcheck?: (swarm.HealthConfig.$Properties|null);

            /** ContainerSpec configs */
            configs?: (swarm.ConfigReference.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ContainerSpec. */
        type $Shape = swarm.ContainerSpec.$Properties;
    }

    /**
     * Properties of a HealthConfig.
     * @deprecated Use swarm.HealthConfig.$Properties instead.
     */
    interface IHealthConfig extends swarm.HealthConfig.$Properties {
    }

    /** Represents a HealthConfig. */
    class HealthConfig {

        /**
         * Constructs a new HealthConfig.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.HealthConfig.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** HealthConfig test. */
        test: string[];

        /** HealthConfig intervalMs. */
        intervalMs: Long;

        /** HealthConfig timeoutMs. */
        timeoutMs: Long;

        /** HealthConfig retries. */
        retries: number;

        /** HealthConfig startPeriodMs. */
        startPeriodMs: Long;

        /**
         * Creates a new HealthConfig instance using the specified properties.
         * @param [properties] Properties to set
         * @returns HealthConfig instance
         */
        static create(properties: swarm.HealthConfig.$Shape): swarm.HealthConfig & swarm.HealthConfig.$Shape;
        static create(properties?: swarm.HealthConfig.$Properties): swarm.HealthConfig;

        /**
         * Encodes the specified HealthConfig message. Does not implicitly {@link swarm.HealthConfig.verify|verify} messages.
         * @param message HealthConfig message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.HealthConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified HealthConfig message, length delimited. Does not implicitly {@link swarm.HealthConfig.verify|verify} messages.
         * @param message HealthConfig message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.HealthConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a HealthConfig message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.HealthConfig & swarm.HealthConfig.$Shape} HealthConfig
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.HealthConfig & swarm.HealthConfig.$Shape;

        /**
         * Decodes a HealthConfig message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.HealthConfig & swarm.HealthConfig.$Shape} HealthConfig
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.HealthConfig & swarm.HealthConfig.$Shape;

        /**
         * Verifies a HealthConfig message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a HealthConfig message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns HealthConfig
         */
        static fromObject(object: { [k: string]: any }): swarm.HealthConfig;

        /**
         * Creates a plain object from a HealthConfig message. Also converts values to other types if specified.
         * @param message HealthConfig
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.HealthConfig, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this HealthConfig to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for HealthConfig
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace HealthConfig {

        /** Properties of a HealthConfig. */
        interface $Properties {

            /** HealthConfig test */
            test?: (string[]|null);

            /** HealthConfig intervalMs */
            intervalMs?: (Long|null);

            /** HealthConfig timeoutMs */
            timeoutMs?: (Long|null);

            /** HealthConfig retries */
            retries?: (number|null);

            /** HealthConfig startPeriodMs */
            startPeriodMs?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a HealthConfig. */
        type $Shape = swarm.HealthConfig.$Properties;
    }

    /**
     * Properties of a RestartPolicy.
     * @deprecated Use swarm.RestartPolicy.$Properties instead.
     */
    interface IRestartPolicy extends swarm.RestartPolicy.$Properties {
    }

    /** Represents a RestartPolicy. */
    class RestartPolicy {

        /**
         * Constructs a new RestartPolicy.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.RestartPolicy.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RestartPolicy condition. */
        condition: swarm.RestartPolicy.Condition;

        /** RestartPolicy delayMs. */
        delayMs: Long;

        /** RestartPolicy maxAttempts. */
        maxAttempts: Long;

        /** RestartPolicy windowMs. */
        windowMs: Long;

        /**
         * Creates a new RestartPolicy instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RestartPolicy instance
         */
        static create(properties: swarm.RestartPolicy.$Shape): swarm.RestartPolicy & swarm.RestartPolicy.$Shape;
        static create(properties?: swarm.RestartPolicy.$Properties): swarm.RestartPolicy;

        /**
         * Encodes the specified RestartPolicy message. Does not implicitly {@link swarm.RestartPolicy.verify|verify} messages.
         * @param message RestartPolicy message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.RestartPolicy.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified RestartPolicy message, length delimited. Does not implicitly {@link swarm.RestartPolicy.verify|verify} messages.
         * @param message RestartPolicy message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.RestartPolicy.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RestartPolicy message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.RestartPolicy & swarm.RestartPolicy.$Shape} RestartPolicy
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.RestartPolicy & swarm.RestartPolicy.$Shape;

        /**
         * Decodes a RestartPolicy message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.RestartPolicy & swarm.RestartPolicy.$Shape} RestartPolicy
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.RestartPolicy & swarm.RestartPolicy.$Shape;

        /**
         * Verifies a RestartPolicy message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a RestartPolicy message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns RestartPolicy
         */
        static fromObject(object: { [k: string]: any }): swarm.RestartPolicy;

        /**
         * Creates a plain object from a RestartPolicy message. Also converts values to other types if specified.
         * @param message RestartPolicy
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.RestartPolicy, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this RestartPolicy to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for RestartPolicy
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace RestartPolicy {

        /** Properties of a RestartPolicy. */
        interface $Properties {

            /** RestartPolicy condition */
            condition?: (swarm.RestartPolicy.Condition|null);

            /** RestartPolicy delayMs */
            delayMs?: (Long|null);

            /** RestartPolicy maxAttempts */
            maxAttempts?: (Long|null);

            /** RestartPolicy windowMs */
            windowMs?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RestartPolicy. */
        type $Shape = swarm.RestartPolicy.$Properties;

        /** Condition enum. */
        enum Condition {

            /** NONE value */
            NONE = 0,

            /** ON_FAILURE value */
            ON_FAILURE = 1,

            /** ANY value */
            ANY = 2
        }
    }

    /**
     * Properties of a SpreadOver.
     * @deprecated Use swarm.SpreadOver.$Properties instead.
     */
    interface ISpreadOver extends swarm.SpreadOver.$Properties {
    }

    /** Represents a SpreadOver. */
    class SpreadOver {

        /**
         * Constructs a new SpreadOver.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.SpreadOver.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SpreadOver spreadDescriptor. */
        spreadDescriptor: string;

        /**
         * Creates a new SpreadOver instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SpreadOver instance
         */
        static create(properties: swarm.SpreadOver.$Shape): swarm.SpreadOver & swarm.SpreadOver.$Shape;
        static create(properties?: swarm.SpreadOver.$Properties): swarm.SpreadOver;

        /**
         * Encodes the specified SpreadOver message. Does not implicitly {@link swarm.SpreadOver.verify|verify} messages.
         * @param message SpreadOver message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.SpreadOver.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified SpreadOver message, length delimited. Does not implicitly {@link swarm.SpreadOver.verify|verify} messages.
         * @param message SpreadOver message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.SpreadOver.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SpreadOver message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.SpreadOver & swarm.SpreadOver.$Shape} SpreadOver
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.SpreadOver & swarm.SpreadOver.$Shape;

        /**
         * Decodes a SpreadOver message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.SpreadOver & swarm.SpreadOver.$Shape} SpreadOver
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.SpreadOver & swarm.SpreadOver.$Shape;

        /**
         * Verifies a SpreadOver message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a SpreadOver message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns SpreadOver
         */
        static fromObject(object: { [k: string]: any }): swarm.SpreadOver;

        /**
         * Creates a plain object from a SpreadOver message. Also converts values to other types if specified.
         * @param message SpreadOver
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.SpreadOver, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this SpreadOver to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for SpreadOver
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace SpreadOver {

        /** Properties of a SpreadOver. */
        interface $Properties {

            /** SpreadOver spreadDescriptor */
            spreadDescriptor?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SpreadOver. */
        type $Shape = swarm.SpreadOver.$Properties;
    }

    /**
     * Properties of a PlacementPreference.
     * @deprecated Use swarm.PlacementPreference.$Properties instead.
     */
    interface IPlacementPreference extends swarm.PlacementPreference.$Properties {
    }

    /** Represents a PlacementPreference. */
    class PlacementPreference {

        /**
         * Constructs a new PlacementPreference.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.PlacementPreference.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** PlacementPreference spread. */
        spread?: (swarm.SpreadOver.$Properties|null);

        /**
         * Creates a new PlacementPreference instance using the specified properties.
         * @param [properties] Properties to set
         * @returns PlacementPreference instance
         */
        static create(properties: swarm.PlacementPreference.$Shape): swarm.PlacementPreference & swarm.PlacementPreference.$Shape;
        static create(properties?: swarm.PlacementPreference.$Properties): swarm.PlacementPreference;

        /**
         * Encodes the specified PlacementPreference message. Does not implicitly {@link swarm.PlacementPreference.verify|verify} messages.
         * @param message PlacementPreference message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.PlacementPreference.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified PlacementPreference message, length delimited. Does not implicitly {@link swarm.PlacementPreference.verify|verify} messages.
         * @param message PlacementPreference message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.PlacementPreference.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a PlacementPreference message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.PlacementPreference & swarm.PlacementPreference.$Shape} PlacementPreference
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.PlacementPreference & swarm.PlacementPreference.$Shape;

        /**
         * Decodes a PlacementPreference message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.PlacementPreference & swarm.PlacementPreference.$Shape} PlacementPreference
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.PlacementPreference & swarm.PlacementPreference.$Shape;

        /**
         * Verifies a PlacementPreference message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a PlacementPreference message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns PlacementPreference
         */
        static fromObject(object: { [k: string]: any }): swarm.PlacementPreference;

        /**
         * Creates a plain object from a PlacementPreference message. Also converts values to other types if specified.
         * @param message PlacementPreference
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.PlacementPreference, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this PlacementPreference to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for PlacementPreference
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace PlacementPreference {

        /** Properties of a PlacementPreference. */
        interface $Properties {

            /** PlacementPreference spread */
            spread?: (swarm.SpreadOver.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a PlacementPreference. */
        type $Shape = swarm.PlacementPreference.$Properties;
    }

    /**
     * Properties of a Placement.
     * @deprecated Use swarm.Placement.$Properties instead.
     */
    interface IPlacement extends swarm.Placement.$Properties {
    }

    /** Represents a Placement. */
    class Placement {

        /**
         * Constructs a new Placement.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.Placement.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Placement constraints. */
        constraints: string[];

        /** Placement preferences. */
        preferences: swarm.PlacementPreference.$Properties[];

        /** Placement platforms. */
        platforms: swarm.Platform.$Properties[];

        /** Placement maxReplicas. */
        maxReplicas: Long;

        /**
         * Creates a new Placement instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Placement instance
         */
        static create(properties: swarm.Placement.$Shape): swarm.Placement & swarm.Placement.$Shape;
        static create(properties?: swarm.Placement.$Properties): swarm.Placement;

        /**
         * Encodes the specified Placement message. Does not implicitly {@link swarm.Placement.verify|verify} messages.
         * @param message Placement message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.Placement.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Placement message, length delimited. Does not implicitly {@link swarm.Placement.verify|verify} messages.
         * @param message Placement message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.Placement.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Placement message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.Placement & swarm.Placement.$Shape} Placement
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.Placement & swarm.Placement.$Shape;

        /**
         * Decodes a Placement message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.Placement & swarm.Placement.$Shape} Placement
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.Placement & swarm.Placement.$Shape;

        /**
         * Verifies a Placement message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a Placement message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Placement
         */
        static fromObject(object: { [k: string]: any }): swarm.Placement;

        /**
         * Creates a plain object from a Placement message. Also converts values to other types if specified.
         * @param message Placement
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.Placement, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Placement to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Placement
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Placement {

        /** Properties of a Placement. */
        interface $Properties {

            /** Placement constraints */
            constraints?: (string[]|null);

            /** Placement preferences */
            preferences?: (swarm.PlacementPreference.$Properties[]|null);

            /** Placement platforms */
            platforms?: (swarm.Platform.$Properties[]|null);

            /** Placement maxReplicas */
            maxReplicas?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Placement. */
        type $Shape = swarm.Placement.$Properties;
    }

    /**
     * Properties of a NetworkAttachmentConfig.
     * @deprecated Use swarm.NetworkAttachmentConfig.$Properties instead.
     */
    interface INetworkAttachmentConfig extends swarm.NetworkAttachmentConfig.$Properties {
    }

    /** Represents a NetworkAttachmentConfig. */
    class NetworkAttachmentConfig {

        /**
         * Constructs a new NetworkAttachmentConfig.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.NetworkAttachmentConfig.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** NetworkAttachmentConfig target. */
        target: string;

        /** NetworkAttachmentConfig aliases. */
        aliases: string[];

        /** NetworkAttachmentConfig driverAttachmentOpts. */
        driverAttachmentOpts: { [k: string]: string };

        /**
         * Creates a new NetworkAttachmentConfig instance using the specified properties.
         * @param [properties] Properties to set
         * @returns NetworkAttachmentConfig instance
         */
        static create(properties: swarm.NetworkAttachmentConfig.$Shape): swarm.NetworkAttachmentConfig & swarm.NetworkAttachmentConfig.$Shape;
        static create(properties?: swarm.NetworkAttachmentConfig.$Properties): swarm.NetworkAttachmentConfig;

        /**
         * Encodes the specified NetworkAttachmentConfig message. Does not implicitly {@link swarm.NetworkAttachmentConfig.verify|verify} messages.
         * @param message NetworkAttachmentConfig message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.NetworkAttachmentConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified NetworkAttachmentConfig message, length delimited. Does not implicitly {@link swarm.NetworkAttachmentConfig.verify|verify} messages.
         * @param message NetworkAttachmentConfig message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.NetworkAttachmentConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a NetworkAttachmentConfig message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.NetworkAttachmentConfig & swarm.NetworkAttachmentConfig.$Shape} NetworkAttachmentConfig
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.NetworkAttachmentConfig & swarm.NetworkAttachmentConfig.$Shape;

        /**
         * Decodes a NetworkAttachmentConfig message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.NetworkAttachmentConfig & swarm.NetworkAttachmentConfig.$Shape} NetworkAttachmentConfig
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.NetworkAttachmentConfig & swarm.NetworkAttachmentConfig.$Shape;

        /**
         * Verifies a NetworkAttachmentConfig message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a NetworkAttachmentConfig message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns NetworkAttachmentConfig
         */
        static fromObject(object: { [k: string]: any }): swarm.NetworkAttachmentConfig;

        /**
         * Creates a plain object from a NetworkAttachmentConfig message. Also converts values to other types if specified.
         * @param message NetworkAttachmentConfig
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.NetworkAttachmentConfig, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this NetworkAttachmentConfig to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for NetworkAttachmentConfig
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace NetworkAttachmentConfig {

        /** Properties of a NetworkAttachmentConfig. */
        interface $Properties {

            /** NetworkAttachmentConfig target */
            target?: (string|null);

            /** NetworkAttachmentConfig aliases */
            aliases?: (string[]|null);

            /** NetworkAttachmentConfig driverAttachmentOpts */
            driverAttachmentOpts?: ({ [k: string]: string }|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a NetworkAttachmentConfig. */
        type $Shape = swarm.NetworkAttachmentConfig.$Properties;
    }

    /**
     * Properties of a TaskSpec.
     * @deprecated Use swarm.TaskSpec.$Properties instead.
     */
    interface ITaskSpec extends swarm.TaskSpec.$Properties {
    }

    /** Represents a TaskSpec. */
    class TaskSpec {

        /**
         * Constructs a new TaskSpec.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.TaskSpec.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TaskSpec container. */
        container?: (swarm.ContainerSpec.$Properties|null);

        /** TaskSpec resources. */
        resources?: (swarm.ResourceRequirements.$Properties|null);

        /** TaskSpec restart. */
        restart?: (swarm.RestartPolicy.$Properties|null);

        /** TaskSpec placement. */
        placement?: (swarm.Placement.$Properties|null);

        /** TaskSpec forceUpdate. */
        forceUpdate: Long;

        /** TaskSpec networks. */
        networks: swarm.NetworkAttachmentConfig.$Properties[];

        /**
         * Creates a new TaskSpec instance using the specified properties.
         * @param [properties] Properties to set
         * @returns TaskSpec instance
         */
        static create(properties: swarm.TaskSpec.$Shape): swarm.TaskSpec & swarm.TaskSpec.$Shape;
        static create(properties?: swarm.TaskSpec.$Properties): swarm.TaskSpec;

        /**
         * Encodes the specified TaskSpec message. Does not implicitly {@link swarm.TaskSpec.verify|verify} messages.
         * @param message TaskSpec message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.TaskSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified TaskSpec message, length delimited. Does not implicitly {@link swarm.TaskSpec.verify|verify} messages.
         * @param message TaskSpec message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.TaskSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TaskSpec message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.TaskSpec & swarm.TaskSpec.$Shape} TaskSpec
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.TaskSpec & swarm.TaskSpec.$Shape;

        /**
         * Decodes a TaskSpec message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.TaskSpec & swarm.TaskSpec.$Shape} TaskSpec
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.TaskSpec & swarm.TaskSpec.$Shape;

        /**
         * Verifies a TaskSpec message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a TaskSpec message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns TaskSpec
         */
        static fromObject(object: { [k: string]: any }): swarm.TaskSpec;

        /**
         * Creates a plain object from a TaskSpec message. Also converts values to other types if specified.
         * @param message TaskSpec
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.TaskSpec, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this TaskSpec to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for TaskSpec
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace TaskSpec {

        /** Properties of a TaskSpec. */
        interface $Properties {

            /** TaskSpec container */
            container?: (swarm.ContainerSpec.$Properties|null);

            /** TaskSpec resources */
            resources?: (swarm.ResourceRequirements.$Properties|null);

            /** TaskSpec restart */
            restart?: (swarm.RestartPolicy.$Properties|null);

            /** TaskSpec placement */
            placement?: (swarm.Placement.$Properties|null);

            /** TaskSpec forceUpdate */
            forceUpdate?: (Long|null);

            /** TaskSpec networks */
            networks?: (swarm.NetworkAttachmentConfig.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TaskSpec. */
        type $Shape = swarm.TaskSpec.$Properties;
    }

    /**
     * Properties of an UpdateConfig.
     * @deprecated Use swarm.UpdateConfig.$Properties instead.
     */
    interface IUpdateConfig extends swarm.UpdateConfig.$Properties {
    }

    /** Represents an UpdateConfig. */
    class UpdateConfig {

        /**
         * Constructs a new UpdateConfig.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.UpdateConfig.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** UpdateConfig parallelism. */
        parallelism: Long;

        /** UpdateConfig delayMs. */
        delayMs: Long;

        /** UpdateConfig failureAction. */
        failureAction: swarm.UpdateConfig.FailureAction;

        /** UpdateConfig monitorMs. */
        monitorMs: Long;

        /** UpdateConfig maxFailureRatio. */
        maxFailureRatio: number;

        /** UpdateConfig order. */
        order: swarm.UpdateConfig.UpdateOrder;

        /**
         * Creates a new UpdateConfig instance using the specified properties.
         * @param [properties] Properties to set
         * @returns UpdateConfig instance
         */
        static create(properties: swarm.UpdateConfig.$Shape): swarm.UpdateConfig & swarm.UpdateConfig.$Shape;
        static create(properties?: swarm.UpdateConfig.$Properties): swarm.UpdateConfig;

        /**
         * Encodes the specified UpdateConfig message. Does not implicitly {@link swarm.UpdateConfig.verify|verify} messages.
         * @param message UpdateConfig message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.UpdateConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified UpdateConfig message, length delimited. Does not implicitly {@link swarm.UpdateConfig.verify|verify} messages.
         * @param message UpdateConfig message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.UpdateConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an UpdateConfig message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.UpdateConfig & swarm.UpdateConfig.$Shape} UpdateConfig
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.UpdateConfig & swarm.UpdateConfig.$Shape;

        /**
         * Decodes an UpdateConfig message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.UpdateConfig & swarm.UpdateConfig.$Shape} UpdateConfig
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.UpdateConfig & swarm.UpdateConfig.$Shape;

        /**
         * Verifies an UpdateConfig message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an UpdateConfig message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns UpdateConfig
         */
        static fromObject(object: { [k: string]: any }): swarm.UpdateConfig;

        /**
         * Creates a plain object from an UpdateConfig message. Also converts values to other types if specified.
         * @param message UpdateConfig
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.UpdateConfig, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this UpdateConfig to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for UpdateConfig
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace UpdateConfig {

        /** Properties of an UpdateConfig. */
        interface $Properties {

            /** UpdateConfig parallelism */
            parallelism?: (Long|null);

            /** UpdateConfig delayMs */
            delayMs?: (Long|null);

            /** UpdateConfig failureAction */
            failureAction?: (swarm.UpdateConfig.FailureAction|null);

            /** UpdateConfig monitorMs */
            monitorMs?: (Long|null);

            /** UpdateConfig maxFailureRatio */
            maxFailureRatio?: (number|null);

            /** UpdateConfig order */
            order?: (swarm.UpdateConfig.UpdateOrder|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an UpdateConfig. */
        type $Shape = swarm.UpdateConfig.$Properties;

        /** FailureAction enum. */
        enum FailureAction {

            /** PAUSE value */
            PAUSE = 0,

            /** CONTINUE value */
            CONTINUE = 1,

            /** ROLLBACK value */
            ROLLBACK = 2
        }

        /** UpdateOrder enum. */
        enum UpdateOrder {

            /** STOP_FIRST value */
            STOP_FIRST = 0,

            /** START_FIRST value */
            START_FIRST = 1
        }
    }

    /**
     * Properties of a ReplicatedService.
     * @deprecated Use swarm.ReplicatedService.$Properties instead.
     */
    interface IReplicatedService extends swarm.ReplicatedService.$Properties {
    }

    /** Represents a ReplicatedService. */
    class ReplicatedService {

        /**
         * Constructs a new ReplicatedService.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ReplicatedService.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ReplicatedService replicas. */
        replicas: Long;

        /**
         * Creates a new ReplicatedService instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ReplicatedService instance
         */
        static create(properties: swarm.ReplicatedService.$Shape): swarm.ReplicatedService & swarm.ReplicatedService.$Shape;
        static create(properties?: swarm.ReplicatedService.$Properties): swarm.ReplicatedService;

        /**
         * Encodes the specified ReplicatedService message. Does not implicitly {@link swarm.ReplicatedService.verify|verify} messages.
         * @param message ReplicatedService message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ReplicatedService.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ReplicatedService message, length delimited. Does not implicitly {@link swarm.ReplicatedService.verify|verify} messages.
         * @param message ReplicatedService message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ReplicatedService.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ReplicatedService message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ReplicatedService & swarm.ReplicatedService.$Shape} ReplicatedService
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ReplicatedService & swarm.ReplicatedService.$Shape;

        /**
         * Decodes a ReplicatedService message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ReplicatedService & swarm.ReplicatedService.$Shape} ReplicatedService
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ReplicatedService & swarm.ReplicatedService.$Shape;

        /**
         * Verifies a ReplicatedService message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ReplicatedService message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ReplicatedService
         */
        static fromObject(object: { [k: string]: any }): swarm.ReplicatedService;

        /**
         * Creates a plain object from a ReplicatedService message. Also converts values to other types if specified.
         * @param message ReplicatedService
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ReplicatedService, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ReplicatedService to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ReplicatedService
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ReplicatedService {

        /** Properties of a ReplicatedService. */
        interface $Properties {

            /** ReplicatedService replicas */
            replicas?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ReplicatedService. */
        type $Shape = swarm.ReplicatedService.$Properties;
    }

    /**
     * Properties of a GlobalService.
     * @deprecated Use swarm.GlobalService.$Properties instead.
     */
    interface IGlobalService extends swarm.GlobalService.$Properties {
    }

    /** Represents a GlobalService. */
    class GlobalService {

        /**
         * Constructs a new GlobalService.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.GlobalService.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new GlobalService instance using the specified properties.
         * @param [properties] Properties to set
         * @returns GlobalService instance
         */
        static create(properties: swarm.GlobalService.$Shape): swarm.GlobalService & swarm.GlobalService.$Shape;
        static create(properties?: swarm.GlobalService.$Properties): swarm.GlobalService;

        /**
         * Encodes the specified GlobalService message. Does not implicitly {@link swarm.GlobalService.verify|verify} messages.
         * @param message GlobalService message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.GlobalService.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified GlobalService message, length delimited. Does not implicitly {@link swarm.GlobalService.verify|verify} messages.
         * @param message GlobalService message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.GlobalService.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a GlobalService message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.GlobalService & swarm.GlobalService.$Shape} GlobalService
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.GlobalService & swarm.GlobalService.$Shape;

        /**
         * Decodes a GlobalService message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.GlobalService & swarm.GlobalService.$Shape} GlobalService
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.GlobalService & swarm.GlobalService.$Shape;

        /**
         * Verifies a GlobalService message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a GlobalService message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns GlobalService
         */
        static fromObject(object: { [k: string]: any }): swarm.GlobalService;

        /**
         * Creates a plain object from a GlobalService message. Also converts values to other types if specified.
         * @param message GlobalService
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.GlobalService, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this GlobalService to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for GlobalService
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace GlobalService {

        /** Properties of a GlobalService. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a GlobalService. */
        type $Shape = swarm.GlobalService.$Properties;
    }

    /**
     * Properties of a ReplicatedJob.
     * @deprecated Use swarm.ReplicatedJob.$Properties instead.
     */
    interface IReplicatedJob extends swarm.ReplicatedJob.$Properties {
    }

    /** Represents a ReplicatedJob. */
    class ReplicatedJob {

        /**
         * Constructs a new ReplicatedJob.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ReplicatedJob.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ReplicatedJob maxConcurrent. */
        maxConcurrent: Long;

        /** ReplicatedJob totalCompletions. */
        totalCompletions: Long;

        /**
         * Creates a new ReplicatedJob instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ReplicatedJob instance
         */
        static create(properties: swarm.ReplicatedJob.$Shape): swarm.ReplicatedJob & swarm.ReplicatedJob.$Shape;
        static create(properties?: swarm.ReplicatedJob.$Properties): swarm.ReplicatedJob;

        /**
         * Encodes the specified ReplicatedJob message. Does not implicitly {@link swarm.ReplicatedJob.verify|verify} messages.
         * @param message ReplicatedJob message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ReplicatedJob.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ReplicatedJob message, length delimited. Does not implicitly {@link swarm.ReplicatedJob.verify|verify} messages.
         * @param message ReplicatedJob message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ReplicatedJob.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ReplicatedJob message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ReplicatedJob & swarm.ReplicatedJob.$Shape} ReplicatedJob
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ReplicatedJob & swarm.ReplicatedJob.$Shape;

        /**
         * Decodes a ReplicatedJob message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ReplicatedJob & swarm.ReplicatedJob.$Shape} ReplicatedJob
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ReplicatedJob & swarm.ReplicatedJob.$Shape;

        /**
         * Verifies a ReplicatedJob message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ReplicatedJob message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ReplicatedJob
         */
        static fromObject(object: { [k: string]: any }): swarm.ReplicatedJob;

        /**
         * Creates a plain object from a ReplicatedJob message. Also converts values to other types if specified.
         * @param message ReplicatedJob
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ReplicatedJob, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ReplicatedJob to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ReplicatedJob
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ReplicatedJob {

        /** Properties of a ReplicatedJob. */
        interface $Properties {

            /** ReplicatedJob maxConcurrent */
            maxConcurrent?: (Long|null);

            /** ReplicatedJob totalCompletions */
            totalCompletions?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ReplicatedJob. */
        type $Shape = swarm.ReplicatedJob.$Properties;
    }

    /**
     * Properties of a GlobalJob.
     * @deprecated Use swarm.GlobalJob.$Properties instead.
     */
    interface IGlobalJob extends swarm.GlobalJob.$Properties {
    }

    /** Represents a GlobalJob. */
    class GlobalJob {

        /**
         * Constructs a new GlobalJob.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.GlobalJob.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new GlobalJob instance using the specified properties.
         * @param [properties] Properties to set
         * @returns GlobalJob instance
         */
        static create(properties: swarm.GlobalJob.$Shape): swarm.GlobalJob & swarm.GlobalJob.$Shape;
        static create(properties?: swarm.GlobalJob.$Properties): swarm.GlobalJob;

        /**
         * Encodes the specified GlobalJob message. Does not implicitly {@link swarm.GlobalJob.verify|verify} messages.
         * @param message GlobalJob message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.GlobalJob.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified GlobalJob message, length delimited. Does not implicitly {@link swarm.GlobalJob.verify|verify} messages.
         * @param message GlobalJob message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.GlobalJob.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a GlobalJob message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.GlobalJob & swarm.GlobalJob.$Shape} GlobalJob
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.GlobalJob & swarm.GlobalJob.$Shape;

        /**
         * Decodes a GlobalJob message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.GlobalJob & swarm.GlobalJob.$Shape} GlobalJob
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.GlobalJob & swarm.GlobalJob.$Shape;

        /**
         * Verifies a GlobalJob message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a GlobalJob message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns GlobalJob
         */
        static fromObject(object: { [k: string]: any }): swarm.GlobalJob;

        /**
         * Creates a plain object from a GlobalJob message. Also converts values to other types if specified.
         * @param message GlobalJob
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.GlobalJob, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this GlobalJob to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for GlobalJob
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace GlobalJob {

        /** Properties of a GlobalJob. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a GlobalJob. */
        type $Shape = swarm.GlobalJob.$Properties;
    }

    /**
     * Properties of a ServiceSpec.
     * @deprecated Use swarm.ServiceSpec.$Properties instead.
     */
    interface IServiceSpec extends swarm.ServiceSpec.$Properties {
    }

    /** Represents a ServiceSpec. */
    class ServiceSpec {

        /**
         * Constructs a new ServiceSpec.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ServiceSpec.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ServiceSpec annotations. */
        annotations?: (swarm.Annotations.$Properties|null);

        /** ServiceSpec task. */
        task?: (swarm.TaskSpec.$Properties|null);

        /** ServiceSpec replicated. */
        replicated?: (swarm.ReplicatedService.$Properties|null);

        /** ServiceSpec global. */
        global?: (swarm.GlobalService.$Properties|null);

        /** ServiceSpec replicatedJob. */
        replicatedJob?: (swarm.ReplicatedJob.$Properties|null);

        /** ServiceSpec globalJob. */
        globalJob?: (swarm.GlobalJob.$Properties|null);

        /** ServiceSpec update. */
        update?: (swarm.UpdateConfig.$Properties|null);

        /** ServiceSpec rollback. */
        rollback?: (swarm.UpdateConfig.$Properties|null);

        /** ServiceSpec endpoint. */
        endpoint?: (swarm.EndpointSpec.$Properties|null);

        /** ServiceSpec mode. */
        mode?: ("replicated"|"global"|"replicatedJob"|"globalJob");

        /**
         * Creates a new ServiceSpec instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ServiceSpec instance
         */
        static create(properties: swarm.ServiceSpec.$Shape): swarm.ServiceSpec & swarm.ServiceSpec.$Shape;
        static create(properties?: swarm.ServiceSpec.$Properties): swarm.ServiceSpec;

        /**
         * Encodes the specified ServiceSpec message. Does not implicitly {@link swarm.ServiceSpec.verify|verify} messages.
         * @param message ServiceSpec message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ServiceSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ServiceSpec message, length delimited. Does not implicitly {@link swarm.ServiceSpec.verify|verify} messages.
         * @param message ServiceSpec message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ServiceSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ServiceSpec message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ServiceSpec & swarm.ServiceSpec.$Shape} ServiceSpec
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ServiceSpec & swarm.ServiceSpec.$Shape;

        /**
         * Decodes a ServiceSpec message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ServiceSpec & swarm.ServiceSpec.$Shape} ServiceSpec
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ServiceSpec & swarm.ServiceSpec.$Shape;

        /**
         * Verifies a ServiceSpec message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ServiceSpec message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ServiceSpec
         */
        static fromObject(object: { [k: string]: any }): swarm.ServiceSpec;

        /**
         * Creates a plain object from a ServiceSpec message. Also converts values to other types if specified.
         * @param message ServiceSpec
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ServiceSpec, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ServiceSpec to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ServiceSpec
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ServiceSpec {

        /** Properties of a ServiceSpec. */
        interface $Properties {

            /** ServiceSpec annotations */
            annotations?: (swarm.Annotations.$Properties|null);

            /** ServiceSpec task */
            task?: (swarm.TaskSpec.$Properties|null);

            /** ServiceSpec replicated */
            replicated?: (swarm.ReplicatedService.$Properties|null);

            /** ServiceSpec global */
            global?: (swarm.GlobalService.$Properties|null);

            /** ServiceSpec replicatedJob */
            replicatedJob?: (swarm.ReplicatedJob.$Properties|null);

            /** ServiceSpec globalJob */
            globalJob?: (swarm.GlobalJob.$Properties|null);

            /** ServiceSpec update */
            update?: (swarm.UpdateConfig.$Properties|null);

            /** ServiceSpec rollback */
            rollback?: (swarm.UpdateConfig.$Properties|null);

            /** ServiceSpec endpoint */
            endpoint?: (swarm.EndpointSpec.$Properties|null);

            /** ServiceSpec mode */
            mode?: ("replicated"|"global"|"replicatedJob"|"globalJob");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of a ServiceSpec. */
        type $Shape = {
          annotations?: swarm.Annotations.$Shape|null;
          task?: swarm.TaskSpec.$Shape|null;
          replicated?: swarm.ReplicatedService.$Shape|null;
          global?: swarm.GlobalService.$Shape|null;
          replicatedJob?: swarm.ReplicatedJob.$Shape|null;
          globalJob?: swarm.GlobalJob.$Shape|null;
          update?: swarm.UpdateConfig.$Shape|null;
          rollback?: swarm.UpdateConfig.$Shape|null;
          endpoint?: swarm.EndpointSpec.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ mode?: undefined; replicated?: null; global?: null; replicatedJob?: null; globalJob?: null }|{ mode?: "replicated"; replicated: swarm.ReplicatedService.$Shape; global?: null; replicatedJob?: null; globalJob?: null }|{ mode?: "global"; replicated?: null; global: swarm.GlobalService.$Shape; replicatedJob?: null; globalJob?: null }|{ mode?: "replicatedJob"; replicated?: null; global?: null; replicatedJob: swarm.ReplicatedJob.$Shape; globalJob?: null }|{ mode?: "globalJob"; replicated?: null; global?: null; replicatedJob?: null; globalJob: swarm.GlobalJob.$Shape })
        );
    }

    /**
     * Properties of an UpdateStatus.
     * @deprecated Use swarm.UpdateStatus.$Properties instead.
     */
    interface IUpdateStatus extends swarm.UpdateStatus.$Properties {
    }

    /** Represents an UpdateStatus. */
    class UpdateStatus {

        /**
         * Constructs a new UpdateStatus.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.UpdateStatus.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** UpdateStatus state. */
        state: swarm.UpdateStatus.UpdateState;

        /** UpdateStatus startedAt. */
        startedAt: Long;

        /** UpdateStatus completedAt. */
        completedAt: Long;

        /** UpdateStatus message. */
        message: string;

        /**
         * Creates a new UpdateStatus instance using the specified properties.
         * @param [properties] Properties to set
         * @returns UpdateStatus instance
         */
        static create(properties: swarm.UpdateStatus.$Shape): swarm.UpdateStatus & swarm.UpdateStatus.$Shape;
        static create(properties?: swarm.UpdateStatus.$Properties): swarm.UpdateStatus;

        /**
         * Encodes the specified UpdateStatus message. Does not implicitly {@link swarm.UpdateStatus.verify|verify} messages.
         * @param message UpdateStatus message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.UpdateStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified UpdateStatus message, length delimited. Does not implicitly {@link swarm.UpdateStatus.verify|verify} messages.
         * @param message UpdateStatus message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.UpdateStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an UpdateStatus message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.UpdateStatus & swarm.UpdateStatus.$Shape} UpdateStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.UpdateStatus & swarm.UpdateStatus.$Shape;

        /**
         * Decodes an UpdateStatus message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.UpdateStatus & swarm.UpdateStatus.$Shape} UpdateStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.UpdateStatus & swarm.UpdateStatus.$Shape;

        /**
         * Verifies an UpdateStatus message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an UpdateStatus message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns UpdateStatus
         */
        static fromObject(object: { [k: string]: any }): swarm.UpdateStatus;

        /**
         * Creates a plain object from an UpdateStatus message. Also converts values to other types if specified.
         * @param message UpdateStatus
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.UpdateStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this UpdateStatus to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for UpdateStatus
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace UpdateStatus {

        /** Properties of an UpdateStatus. */
        interface $Properties {

            /** UpdateStatus state */
            state?: (swarm.UpdateStatus.UpdateState|null);

            /** UpdateStatus startedAt */
            startedAt?: (Long|null);

            /** UpdateStatus completedAt */
            completedAt?: (Long|null);

            /** UpdateStatus message */
            message?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an UpdateStatus. */
        type $Shape = swarm.UpdateStatus.$Properties;

        /** UpdateState enum. */
        enum UpdateState {

            /** UNKNOWN value */
            UNKNOWN = 0,

            /** UPDATING value */
            UPDATING = 1,

            /** PAUSED value */
            PAUSED = 2,

            /** COMPLETED value */
            COMPLETED = 3,

            /** ROLLBACK_STARTED value */
            ROLLBACK_STARTED = 4,

            /** ROLLBACK_PAUSED value */
            ROLLBACK_PAUSED = 5,

            /** ROLLBACK_COMPLETED value */
            ROLLBACK_COMPLETED = 6
        }
    }

    /**
     * Properties of a JobStatus.
     * @deprecated Use swarm.JobStatus.$Properties instead.
     */
    interface IJobStatus extends swarm.JobStatus.$Properties {
    }

    /** Represents a JobStatus. */
    class JobStatus {

        /**
         * Constructs a new JobStatus.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.JobStatus.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** JobStatus jobIteration. */
        jobIteration: Long;

        /** JobStatus lastExecution. */
        lastExecution: Long;

        /**
         * Creates a new JobStatus instance using the specified properties.
         * @param [properties] Properties to set
         * @returns JobStatus instance
         */
        static create(properties: swarm.JobStatus.$Shape): swarm.JobStatus & swarm.JobStatus.$Shape;
        static create(properties?: swarm.JobStatus.$Properties): swarm.JobStatus;

        /**
         * Encodes the specified JobStatus message. Does not implicitly {@link swarm.JobStatus.verify|verify} messages.
         * @param message JobStatus message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.JobStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified JobStatus message, length delimited. Does not implicitly {@link swarm.JobStatus.verify|verify} messages.
         * @param message JobStatus message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.JobStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a JobStatus message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.JobStatus & swarm.JobStatus.$Shape} JobStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.JobStatus & swarm.JobStatus.$Shape;

        /**
         * Decodes a JobStatus message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.JobStatus & swarm.JobStatus.$Shape} JobStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.JobStatus & swarm.JobStatus.$Shape;

        /**
         * Verifies a JobStatus message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a JobStatus message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns JobStatus
         */
        static fromObject(object: { [k: string]: any }): swarm.JobStatus;

        /**
         * Creates a plain object from a JobStatus message. Also converts values to other types if specified.
         * @param message JobStatus
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.JobStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this JobStatus to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for JobStatus
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace JobStatus {

        /** Properties of a JobStatus. */
        interface $Properties {

            /** JobStatus jobIteration */
            jobIteration?: (Long|null);

            /** JobStatus lastExecution */
            lastExecution?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a JobStatus. */
        type $Shape = swarm.JobStatus.$Properties;
    }

    /**
     * Properties of a Service.
     * @deprecated Use swarm.Service.$Properties instead.
     */
    interface IService extends swarm.Service.$Properties {
    }

    /** Represents a Service. */
    class Service {

        /**
         * Constructs a new Service.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.Service.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Service id. */
        id: string;

        /** Service meta. */
        meta?: (swarm.Meta.$Properties|null);

        /** Service spec. */
        spec?: (swarm.ServiceSpec.$Properties|null);

        /** Service previousSpec. */
        previousSpec?: (swarm.ServiceSpec.$Properties|null);

        /** Service endpoint. */
        endpoint?: (swarm.Endpoint.$Properties|null);

        /** Service updateStatus. */
        updateStatus?: (swarm.UpdateStatus.$Properties|null);

        /** Service specVersion. */
        specVersion: Long;

        /** Service jobStatus. */
        jobStatus?: (swarm.JobStatus.$Properties|null);

        /**
         * Creates a new Service instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Service instance
         */
        static create(properties: swarm.Service.$Shape): swarm.Service & swarm.Service.$Shape;
        static create(properties?: swarm.Service.$Properties): swarm.Service;

        /**
         * Encodes the specified Service message. Does not implicitly {@link swarm.Service.verify|verify} messages.
         * @param message Service message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.Service.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Service message, length delimited. Does not implicitly {@link swarm.Service.verify|verify} messages.
         * @param message Service message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.Service.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Service message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.Service & swarm.Service.$Shape} Service
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.Service & swarm.Service.$Shape;

        /**
         * Decodes a Service message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.Service & swarm.Service.$Shape} Service
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.Service & swarm.Service.$Shape;

        /**
         * Verifies a Service message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a Service message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Service
         */
        static fromObject(object: { [k: string]: any }): swarm.Service;

        /**
         * Creates a plain object from a Service message. Also converts values to other types if specified.
         * @param message Service
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.Service, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Service to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Service
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Service {

        /** Properties of a Service. */
        interface $Properties {

            /** Service id */
            id?: (string|null);

            /** Service meta */
            meta?: (swarm.Meta.$Properties|null);

            /** Service spec */
            spec?: (swarm.ServiceSpec.$Properties|null);

            /** Service previousSpec */
            previousSpec?: (swarm.ServiceSpec.$Properties|null);

            /** Service endpoint */
            endpoint?: (swarm.Endpoint.$Properties|null);

            /** Service updateStatus */
            updateStatus?: (swarm.UpdateStatus.$Properties|null);

            /** Service specVersion */
            specVersion?: (Long|null);

            /** Service jobStatus */
            jobStatus?: (swarm.JobStatus.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Service. */
        type $Shape = {
          id?: string|null;
          meta?: swarm.Meta.$Shape|null;
          spec?: swarm.ServiceSpec.$Shape|null;
          previousSpec?: swarm.ServiceSpec.$Shape|null;
          endpoint?: swarm.Endpoint.$Shape|null;
          updateStatus?: swarm.UpdateStatus.$Shape|null;
          specVersion?: Long|null;
          jobStatus?: swarm.JobStatus.$Shape|null;
          $unknowns?: Uint8Array[];
        };
    }

    /** TaskState enum. */
    enum TaskState {

        /** NEW value */
        NEW = 0,

        /** PENDING value */
        PENDING = 64,

        /** ASSIGNED value */
        ASSIGNED = 192,

        /** ACCEPTED value */
        ACCEPTED = 256,

        /** PREPARING value */
        PREPARING = 320,

        /** READY value */
        READY = 384,

        /** STARTING value */
        STARTING = 448,

        /** RUNNING value */
        RUNNING = 512,

        /** COMPLETE value */
        COMPLETE = 576,

        /** SHUTDOWN value */
        SHUTDOWN = 640,

        /** FAILED value */
        FAILED = 704,

        /** REJECTED value */
        REJECTED = 768,

        /** REMOVE value */
        REMOVE = 800,

        /** ORPHANED value */
        ORPHANED = 832
    }

    /**
     * Properties of a ContainerStatus.
     * @deprecated Use swarm.ContainerStatus.$Properties instead.
     */
    interface IContainerStatus extends swarm.ContainerStatus.$Properties {
    }

    /** Represents a ContainerStatus. */
    class ContainerStatus {

        /**
         * Constructs a new ContainerStatus.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ContainerStatus.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ContainerStatus containerId. */
        containerId: string;

        /** ContainerStatus pid. */
        pid: number;

        /** ContainerStatus exitCode. */
        exitCode: number;

        /**
         * Creates a new ContainerStatus instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ContainerStatus instance
         */
        static create(properties: swarm.ContainerStatus.$Shape): swarm.ContainerStatus & swarm.ContainerStatus.$Shape;
        static create(properties?: swarm.ContainerStatus.$Properties): swarm.ContainerStatus;

        /**
         * Encodes the specified ContainerStatus message. Does not implicitly {@link swarm.ContainerStatus.verify|verify} messages.
         * @param message ContainerStatus message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ContainerStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ContainerStatus message, length delimited. Does not implicitly {@link swarm.ContainerStatus.verify|verify} messages.
         * @param message ContainerStatus message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ContainerStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ContainerStatus message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ContainerStatus & swarm.ContainerStatus.$Shape} ContainerStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ContainerStatus & swarm.ContainerStatus.$Shape;

        /**
         * Decodes a ContainerStatus message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ContainerStatus & swarm.ContainerStatus.$Shape} ContainerStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ContainerStatus & swarm.ContainerStatus.$Shape;

        /**
         * Verifies a ContainerStatus message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ContainerStatus message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ContainerStatus
         */
        static fromObject(object: { [k: string]: any }): swarm.ContainerStatus;

        /**
         * Creates a plain object from a ContainerStatus message. Also converts values to other types if specified.
         * @param message ContainerStatus
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ContainerStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ContainerStatus to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ContainerStatus
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ContainerStatus {

        /** Properties of a ContainerStatus. */
        interface $Properties {

            /** ContainerStatus containerId */
            containerId?: (string|null);

            /** ContainerStatus pid */
            pid?: (number|null);

            /** ContainerStatus exitCode */
            exitCode?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ContainerStatus. */
        type $Shape = swarm.ContainerStatus.$Properties;
    }

    /**
     * Properties of a TaskStatus.
     * @deprecated Use swarm.TaskStatus.$Properties instead.
     */
    interface ITaskStatus extends swarm.TaskStatus.$Properties {
    }

    /** Represents a TaskStatus. */
    class TaskStatus {

        /**
         * Constructs a new TaskStatus.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.TaskStatus.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TaskStatus timestamp. */
        timestamp: Long;

        /** TaskStatus state. */
        state: swarm.TaskState;

        /** TaskStatus message. */
        message: string;

        /** TaskStatus err. */
        err: string;

        /** TaskStatus container. */
        container?: (swarm.ContainerStatus.$Properties|null);

        /** TaskStatus ports. */
        ports: swarm.PortConfig.$Properties[];

        /**
         * Creates a new TaskStatus instance using the specified properties.
         * @param [properties] Properties to set
         * @returns TaskStatus instance
         */
        static create(properties: swarm.TaskStatus.$Shape): swarm.TaskStatus & swarm.TaskStatus.$Shape;
        static create(properties?: swarm.TaskStatus.$Properties): swarm.TaskStatus;

        /**
         * Encodes the specified TaskStatus message. Does not implicitly {@link swarm.TaskStatus.verify|verify} messages.
         * @param message TaskStatus message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.TaskStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified TaskStatus message, length delimited. Does not implicitly {@link swarm.TaskStatus.verify|verify} messages.
         * @param message TaskStatus message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.TaskStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TaskStatus message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.TaskStatus & swarm.TaskStatus.$Shape} TaskStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.TaskStatus & swarm.TaskStatus.$Shape;

        /**
         * Decodes a TaskStatus message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.TaskStatus & swarm.TaskStatus.$Shape} TaskStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.TaskStatus & swarm.TaskStatus.$Shape;

        /**
         * Verifies a TaskStatus message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a TaskStatus message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns TaskStatus
         */
        static fromObject(object: { [k: string]: any }): swarm.TaskStatus;

        /**
         * Creates a plain object from a TaskStatus message. Also converts values to other types if specified.
         * @param message TaskStatus
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.TaskStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this TaskStatus to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for TaskStatus
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace TaskStatus {

        /** Properties of a TaskStatus. */
        interface $Properties {

            /** TaskStatus timestamp */
            timestamp?: (Long|null);

            /** TaskStatus state */
            state?: (swarm.TaskState|null);

            /** TaskStatus message */
            message?: (string|null);

            /** TaskStatus err */
            err?: (string|null);

            /** TaskStatus container */
            container?: (swarm.ContainerStatus.$Properties|null);

            /** TaskStatus ports */
            ports?: (swarm.PortConfig.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TaskStatus. */
        type $Shape = swarm.TaskStatus.$Properties;
    }

    /**
     * Properties of a Task.
     * @deprecated Use swarm.Task.$Properties instead.
     */
    interface ITask extends swarm.Task.$Properties {
    }

    /** Represents a Task. */
    class Task {

        /**
         * Constructs a new Task.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.Task.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Task id. */
        id: string;

        /** Task meta. */
        meta?: (swarm.Meta.$Properties|null);

        /** Task spec. */
        spec?: (swarm.TaskSpec.$Properties|null);

        /** Task specVersion. */
        specVersion: Long;

        /** Task serviceId. */
        serviceId: string;

        /** Task slot. */
        slot: Long;

        /** Task nodeId. */
        nodeId: string;

        /** Task annotations. */
        annotations?: (swarm.Annotations.$Properties|null);

        /** Task serviceAnnotations. */
        serviceAnnotations?: (swarm.Annotations.$Properties|null);

        /** Task status. */
        status?: (swarm.TaskStatus.$Properties|null);

        /** Task desiredState. */
        desiredState: swarm.TaskState;

        /** Task endpoint. */
        endpoint?: (swarm.Endpoint.$Properties|null);

        /** Task jobIteration. */
        jobIteration: Long;

        /** Task networks. */
        networks: swarm.NetworkAttachment.$Properties[];

        /**
         * Creates a new Task instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Task instance
         */
        static create(properties: swarm.Task.$Shape): swarm.Task & swarm.Task.$Shape;
        static create(properties?: swarm.Task.$Properties): swarm.Task;

        /**
         * Encodes the specified Task message. Does not implicitly {@link swarm.Task.verify|verify} messages.
         * @param message Task message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.Task.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Task message, length delimited. Does not implicitly {@link swarm.Task.verify|verify} messages.
         * @param message Task message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.Task.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Task message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.Task & swarm.Task.$Shape} Task
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.Task & swarm.Task.$Shape;

        /**
         * Decodes a Task message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.Task & swarm.Task.$Shape} Task
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.Task & swarm.Task.$Shape;

        /**
         * Verifies a Task message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a Task message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Task
         */
        static fromObject(object: { [k: string]: any }): swarm.Task;

        /**
         * Creates a plain object from a Task message. Also converts values to other types if specified.
         * @param message Task
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.Task, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Task to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Task
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Task {

        /** Properties of a Task. */
        interface $Properties {

            /** Task id */
            id?: (string|null);

            /** Task meta */
            meta?: (swarm.Meta.$Properties|null);

            /** Task spec */
            spec?: (swarm.TaskSpec.$Properties|null);

            /** Task specVersion */
            specVersion?: (Long|null);

            /** Task serviceId */
            serviceId?: (string|null);

            /** Task slot */
            slot?: (Long|null);

            /** Task nodeId */
            nodeId?: (string|null);

            /** Task annotations */
            annotations?: (swarm.Annotations.$Properties|null);

            /** Task serviceAnnotations */
            serviceAnnotations?: (swarm.Annotations.$Properties|null);

            /** Task status */
            status?: (swarm.TaskStatus.$Properties|null);

            /** Task desiredState */
            desiredState?: (swarm.TaskState|null);

            /** Task endpoint */
            endpoint?: (swarm.Endpoint.$Properties|null);

            /** Task jobIteration */
            jobIteration?: (Long|null);

            /** Task networks */
            networks?: (swarm.NetworkAttachment.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Task. */
        type $Shape = swarm.Task.$Properties;
    }

    /**
     * Properties of a NetworkAttachment.
     * @deprecated Use swarm.NetworkAttachment.$Properties instead.
     */
    interface INetworkAttachment extends swarm.NetworkAttachment.$Properties {
    }

    /** Represents a NetworkAttachment. */
    class NetworkAttachment {

        /**
         * Constructs a new NetworkAttachment.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.NetworkAttachment.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** NetworkAttachment networkId. */
        networkId: string;

        /** NetworkAttachment networkName. */
        networkName: string;

        /** NetworkAttachment slice. */
        slice: string;

        /** NetworkAttachment gateway. */
        gateway: string;

        /** NetworkAttachment addresses. */
        addresses: string[];

        /** NetworkAttachment aliases. */
        aliases: string[];

        /** NetworkAttachment subnet. */
        subnet: string;

        /**
         * Creates a new NetworkAttachment instance using the specified properties.
         * @param [properties] Properties to set
         * @returns NetworkAttachment instance
         */
        static create(properties: swarm.NetworkAttachment.$Shape): swarm.NetworkAttachment & swarm.NetworkAttachment.$Shape;
        static create(properties?: swarm.NetworkAttachment.$Properties): swarm.NetworkAttachment;

        /**
         * Encodes the specified NetworkAttachment message. Does not implicitly {@link swarm.NetworkAttachment.verify|verify} messages.
         * @param message NetworkAttachment message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.NetworkAttachment.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified NetworkAttachment message, length delimited. Does not implicitly {@link swarm.NetworkAttachment.verify|verify} messages.
         * @param message NetworkAttachment message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.NetworkAttachment.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a NetworkAttachment message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.NetworkAttachment & swarm.NetworkAttachment.$Shape} NetworkAttachment
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.NetworkAttachment & swarm.NetworkAttachment.$Shape;

        /**
         * Decodes a NetworkAttachment message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.NetworkAttachment & swarm.NetworkAttachment.$Shape} NetworkAttachment
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.NetworkAttachment & swarm.NetworkAttachment.$Shape;

        /**
         * Verifies a NetworkAttachment message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a NetworkAttachment message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns NetworkAttachment
         */
        static fromObject(object: { [k: string]: any }): swarm.NetworkAttachment;

        /**
         * Creates a plain object from a NetworkAttachment message. Also converts values to other types if specified.
         * @param message NetworkAttachment
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.NetworkAttachment, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this NetworkAttachment to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for NetworkAttachment
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace NetworkAttachment {

        /** Properties of a NetworkAttachment. */
        interface $Properties {

            /** NetworkAttachment networkId */
            networkId?: (string|null);

            /** NetworkAttachment networkName */
            networkName?: (string|null);

            /** NetworkAttachment slice */
            slice?: (string|null);

            /** NetworkAttachment gateway */
            gateway?: (string|null);

            /** NetworkAttachment addresses */
            addresses?: (string[]|null);

            /** NetworkAttachment aliases */
            aliases?: (string[]|null);

            /** NetworkAttachment subnet */
            subnet?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a NetworkAttachment. */
        type $Shape = swarm.NetworkAttachment.$Properties;
    }

    /**
     * Properties of a SecretSpec.
     * @deprecated Use swarm.SecretSpec.$Properties instead.
     */
    interface ISecretSpec extends swarm.SecretSpec.$Properties {
    }

    /** Represents a SecretSpec. */
    class SecretSpec {

        /**
         * Constructs a new SecretSpec.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.SecretSpec.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SecretSpec annotations. */
        annotations?: (swarm.Annotations.$Properties|null);

        /** SecretSpec data. */
        data: Uint8Array;

        /**
         * Creates a new SecretSpec instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SecretSpec instance
         */
        static create(properties: swarm.SecretSpec.$Shape): swarm.SecretSpec & swarm.SecretSpec.$Shape;
        static create(properties?: swarm.SecretSpec.$Properties): swarm.SecretSpec;

        /**
         * Encodes the specified SecretSpec message. Does not implicitly {@link swarm.SecretSpec.verify|verify} messages.
         * @param message SecretSpec message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.SecretSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified SecretSpec message, length delimited. Does not implicitly {@link swarm.SecretSpec.verify|verify} messages.
         * @param message SecretSpec message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.SecretSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SecretSpec message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.SecretSpec & swarm.SecretSpec.$Shape} SecretSpec
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.SecretSpec & swarm.SecretSpec.$Shape;

        /**
         * Decodes a SecretSpec message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.SecretSpec & swarm.SecretSpec.$Shape} SecretSpec
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.SecretSpec & swarm.SecretSpec.$Shape;

        /**
         * Verifies a SecretSpec message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a SecretSpec message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns SecretSpec
         */
        static fromObject(object: { [k: string]: any }): swarm.SecretSpec;

        /**
         * Creates a plain object from a SecretSpec message. Also converts values to other types if specified.
         * @param message SecretSpec
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.SecretSpec, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this SecretSpec to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for SecretSpec
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace SecretSpec {

        /** Properties of a SecretSpec. */
        interface $Properties {

            /** SecretSpec annotations */
            annotations?: (swarm.Annotations.$Properties|null);

            /** SecretSpec data */
            data?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SecretSpec. */
        type $Shape = swarm.SecretSpec.$Properties;
    }

    /**
     * Properties of a Secret.
     * @deprecated Use swarm.Secret.$Properties instead.
     */
    interface ISecret extends swarm.Secret.$Properties {
    }

    /** Represents a Secret. */
    class Secret {

        /**
         * Constructs a new Secret.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.Secret.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Secret id. */
        id: string;

        /** Secret meta. */
        meta?: (swarm.Meta.$Properties|null);

        /** Secret spec. */
        spec?: (swarm.SecretSpec.$Properties|null);

        /** Secret internal. */
        internal: boolean;

        /**
         * Creates a new Secret instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Secret instance
         */
        static create(properties: swarm.Secret.$Shape): swarm.Secret & swarm.Secret.$Shape;
        static create(properties?: swarm.Secret.$Properties): swarm.Secret;

        /**
         * Encodes the specified Secret message. Does not implicitly {@link swarm.Secret.verify|verify} messages.
         * @param message Secret message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.Secret.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Secret message, length delimited. Does not implicitly {@link swarm.Secret.verify|verify} messages.
         * @param message Secret message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.Secret.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Secret message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.Secret & swarm.Secret.$Shape} Secret
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.Secret & swarm.Secret.$Shape;

        /**
         * Decodes a Secret message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.Secret & swarm.Secret.$Shape} Secret
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.Secret & swarm.Secret.$Shape;

        /**
         * Verifies a Secret message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a Secret message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Secret
         */
        static fromObject(object: { [k: string]: any }): swarm.Secret;

        /**
         * Creates a plain object from a Secret message. Also converts values to other types if specified.
         * @param message Secret
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.Secret, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Secret to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Secret
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Secret {

        /** Properties of a Secret. */
        interface $Properties {

            /** Secret id */
            id?: (string|null);

            /** Secret meta */
            meta?: (swarm.Meta.$Properties|null);

            /** Secret spec */
            spec?: (swarm.SecretSpec.$Properties|null);

            /** Secret internal */
            internal?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Secret. */
        type $Shape = swarm.Secret.$Properties;
    }

    /**
     * Properties of a ConfigSpec.
     * @deprecated Use swarm.ConfigSpec.$Properties instead.
     */
    interface IConfigSpec extends swarm.ConfigSpec.$Properties {
    }

    /** Represents a ConfigSpec. */
    class ConfigSpec {

        /**
         * Constructs a new ConfigSpec.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ConfigSpec.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ConfigSpec annotations. */
        annotations?: (swarm.Annotations.$Properties|null);

        /** ConfigSpec data. */
        data: Uint8Array;

        /**
         * Creates a new ConfigSpec instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ConfigSpec instance
         */
        static create(properties: swarm.ConfigSpec.$Shape): swarm.ConfigSpec & swarm.ConfigSpec.$Shape;
        static create(properties?: swarm.ConfigSpec.$Properties): swarm.ConfigSpec;

        /**
         * Encodes the specified ConfigSpec message. Does not implicitly {@link swarm.ConfigSpec.verify|verify} messages.
         * @param message ConfigSpec message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ConfigSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ConfigSpec message, length delimited. Does not implicitly {@link swarm.ConfigSpec.verify|verify} messages.
         * @param message ConfigSpec message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ConfigSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ConfigSpec message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ConfigSpec & swarm.ConfigSpec.$Shape} ConfigSpec
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ConfigSpec & swarm.ConfigSpec.$Shape;

        /**
         * Decodes a ConfigSpec message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ConfigSpec & swarm.ConfigSpec.$Shape} ConfigSpec
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ConfigSpec & swarm.ConfigSpec.$Shape;

        /**
         * Verifies a ConfigSpec message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ConfigSpec message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ConfigSpec
         */
        static fromObject(object: { [k: string]: any }): swarm.ConfigSpec;

        /**
         * Creates a plain object from a ConfigSpec message. Also converts values to other types if specified.
         * @param message ConfigSpec
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ConfigSpec, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ConfigSpec to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ConfigSpec
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ConfigSpec {

        /** Properties of a ConfigSpec. */
        interface $Properties {

            /** ConfigSpec annotations */
            annotations?: (swarm.Annotations.$Properties|null);

            /** ConfigSpec data */
            data?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ConfigSpec. */
        type $Shape = swarm.ConfigSpec.$Properties;
    }

    /**
     * Properties of a Config.
     * @deprecated Use swarm.Config.$Properties instead.
     */
    interface IConfig extends swarm.Config.$Properties {
    }

    /** Represents a Config. */
    class Config {

        /**
         * Constructs a new Config.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.Config.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Config id. */
        id: string;

        /** Config meta. */
        meta?: (swarm.Meta.$Properties|null);

        /** Config spec. */
        spec?: (swarm.ConfigSpec.$Properties|null);

        /**
         * Creates a new Config instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Config instance
         */
        static create(properties: swarm.Config.$Shape): swarm.Config & swarm.Config.$Shape;
        static create(properties?: swarm.Config.$Properties): swarm.Config;

        /**
         * Encodes the specified Config message. Does not implicitly {@link swarm.Config.verify|verify} messages.
         * @param message Config message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.Config.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Config message, length delimited. Does not implicitly {@link swarm.Config.verify|verify} messages.
         * @param message Config message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.Config.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Config message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.Config & swarm.Config.$Shape} Config
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.Config & swarm.Config.$Shape;

        /**
         * Decodes a Config message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.Config & swarm.Config.$Shape} Config
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.Config & swarm.Config.$Shape;

        /**
         * Verifies a Config message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a Config message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Config
         */
        static fromObject(object: { [k: string]: any }): swarm.Config;

        /**
         * Creates a plain object from a Config message. Also converts values to other types if specified.
         * @param message Config
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.Config, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Config to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Config
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Config {

        /** Properties of a Config. */
        interface $Properties {

            /** Config id */
            id?: (string|null);

            /** Config meta */
            meta?: (swarm.Meta.$Properties|null);

            /** Config spec */
            spec?: (swarm.ConfigSpec.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Config. */
        type $Shape = swarm.Config.$Properties;
    }

    /**
     * Properties of a Driver.
     * @deprecated Use swarm.Driver.$Properties instead.
     */
    interface IDriver extends swarm.Driver.$Properties {
    }

    /** Represents a Driver. */
    class Driver {

        /**
         * Constructs a new Driver.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.Driver.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Driver name. */
        name: string;

        /** Driver options. */
        options: { [k: string]: string };

        /**
         * Creates a new Driver instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Driver instance
         */
        static create(properties: swarm.Driver.$Shape): swarm.Driver & swarm.Driver.$Shape;
        static create(properties?: swarm.Driver.$Properties): swarm.Driver;

        /**
         * Encodes the specified Driver message. Does not implicitly {@link swarm.Driver.verify|verify} messages.
         * @param message Driver message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.Driver.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Driver message, length delimited. Does not implicitly {@link swarm.Driver.verify|verify} messages.
         * @param message Driver message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.Driver.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Driver message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.Driver & swarm.Driver.$Shape} Driver
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.Driver & swarm.Driver.$Shape;

        /**
         * Decodes a Driver message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.Driver & swarm.Driver.$Shape} Driver
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.Driver & swarm.Driver.$Shape;

        /**
         * Verifies a Driver message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a Driver message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Driver
         */
        static fromObject(object: { [k: string]: any }): swarm.Driver;

        /**
         * Creates a plain object from a Driver message. Also converts values to other types if specified.
         * @param message Driver
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.Driver, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Driver to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Driver
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Driver {

        /** Properties of a Driver. */
        interface $Properties {

            /** Driver name */
            name?: (string|null);

            /** Driver options */
            options?: ({ [k: string]: string }|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Driver. */
        type $Shape = swarm.Driver.$Properties;
    }

    /**
     * Properties of a IPAMConfig.
     * @deprecated Use swarm.IPAMConfig.$Properties instead.
     */
    interface IIPAMConfig extends swarm.IPAMConfig.$Properties {
    }

    /** Represents a IPAMConfig. */
    class IPAMConfig {

        /**
         * Constructs a new IPAMConfig.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.IPAMConfig.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** IPAMConfig subnet. */
        subnet: string;

        /** IPAMConfig range. */
        range: string;

        /** IPAMConfig gateway. */
        gateway: string;

        /**
         * Creates a new IPAMConfig instance using the specified properties.
         * @param [properties] Properties to set
         * @returns IPAMConfig instance
         */
        static create(properties: swarm.IPAMConfig.$Shape): swarm.IPAMConfig & swarm.IPAMConfig.$Shape;
        static create(properties?: swarm.IPAMConfig.$Properties): swarm.IPAMConfig;

        /**
         * Encodes the specified IPAMConfig message. Does not implicitly {@link swarm.IPAMConfig.verify|verify} messages.
         * @param message IPAMConfig message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.IPAMConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified IPAMConfig message, length delimited. Does not implicitly {@link swarm.IPAMConfig.verify|verify} messages.
         * @param message IPAMConfig message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.IPAMConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a IPAMConfig message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.IPAMConfig & swarm.IPAMConfig.$Shape} IPAMConfig
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.IPAMConfig & swarm.IPAMConfig.$Shape;

        /**
         * Decodes a IPAMConfig message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.IPAMConfig & swarm.IPAMConfig.$Shape} IPAMConfig
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.IPAMConfig & swarm.IPAMConfig.$Shape;

        /**
         * Verifies a IPAMConfig message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a IPAMConfig message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns IPAMConfig
         */
        static fromObject(object: { [k: string]: any }): swarm.IPAMConfig;

        /**
         * Creates a plain object from a IPAMConfig message. Also converts values to other types if specified.
         * @param message IPAMConfig
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.IPAMConfig, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this IPAMConfig to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for IPAMConfig
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace IPAMConfig {

        /** Properties of a IPAMConfig. */
        interface $Properties {

            /** IPAMConfig subnet */
            subnet?: (string|null);

            /** IPAMConfig range */
            range?: (string|null);

            /** IPAMConfig gateway */
            gateway?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a IPAMConfig. */
        type $Shape = swarm.IPAMConfig.$Properties;
    }

    /**
     * Properties of a IPAMOptions.
     * @deprecated Use swarm.IPAMOptions.$Properties instead.
     */
    interface IIPAMOptions extends swarm.IPAMOptions.$Properties {
    }

    /** Represents a IPAMOptions. */
    class IPAMOptions {

        /**
         * Constructs a new IPAMOptions.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.IPAMOptions.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** IPAMOptions driver. */
        driver?: (swarm.Driver.$Properties|null);

        /** IPAMOptions configs. */
        configs: swarm.IPAMConfig.$Properties[];

        /**
         * Creates a new IPAMOptions instance using the specified properties.
         * @param [properties] Properties to set
         * @returns IPAMOptions instance
         */
        static create(properties: swarm.IPAMOptions.$Shape): swarm.IPAMOptions & swarm.IPAMOptions.$Shape;
        static create(properties?: swarm.IPAMOptions.$Properties): swarm.IPAMOptions;

        /**
         * Encodes the specified IPAMOptions message. Does not implicitly {@link swarm.IPAMOptions.verify|verify} messages.
         * @param message IPAMOptions message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.IPAMOptions.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified IPAMOptions message, length delimited. Does not implicitly {@link swarm.IPAMOptions.verify|verify} messages.
         * @param message IPAMOptions message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.IPAMOptions.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a IPAMOptions message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.IPAMOptions & swarm.IPAMOptions.$Shape} IPAMOptions
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.IPAMOptions & swarm.IPAMOptions.$Shape;

        /**
         * Decodes a IPAMOptions message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.IPAMOptions & swarm.IPAMOptions.$Shape} IPAMOptions
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.IPAMOptions & swarm.IPAMOptions.$Shape;

        /**
         * Verifies a IPAMOptions message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a IPAMOptions message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns IPAMOptions
         */
        static fromObject(object: { [k: string]: any }): swarm.IPAMOptions;

        /**
         * Creates a plain object from a IPAMOptions message. Also converts values to other types if specified.
         * @param message IPAMOptions
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.IPAMOptions, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this IPAMOptions to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for IPAMOptions
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace IPAMOptions {

        /** Properties of a IPAMOptions. */
        interface $Properties {

            /** IPAMOptions driver */
            driver?: (swarm.Driver.$Properties|null);

            /** IPAMOptions configs */
            configs?: (swarm.IPAMConfig.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a IPAMOptions. */
        type $Shape = swarm.IPAMOptions.$Properties;
    }

    /**
     * Properties of a NetworkSpec.
     * @deprecated Use swarm.NetworkSpec.$Properties instead.
     */
    interface INetworkSpec extends swarm.NetworkSpec.$Properties {
    }

    /** Represents a NetworkSpec. */
    class NetworkSpec {

        /**
         * Constructs a new NetworkSpec.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.NetworkSpec.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** NetworkSpec annotations. */
        annotations?: (swarm.Annotations.$Properties|null);

        /** NetworkSpec driverConfig. */
        driverConfig?: (swarm.Driver.$Properties|null);

        /** NetworkSpec ipv6Enabled. */
        ipv6Enabled: boolean;

        /** NetworkSpec internal. */
        internal: boolean;

        /** NetworkSpec attachable. */
        attachable: boolean;

        /** NetworkSpec ingress. */
        ingress: boolean;

        /** NetworkSpec ipam. */
        ipam?: (swarm.IPAMOptions.$Properties|null);

        /**
         * Creates a new NetworkSpec instance using the specified properties.
         * @param [properties] Properties to set
         * @returns NetworkSpec instance
         */
        static create(properties: swarm.NetworkSpec.$Shape): swarm.NetworkSpec & swarm.NetworkSpec.$Shape;
        static create(properties?: swarm.NetworkSpec.$Properties): swarm.NetworkSpec;

        /**
         * Encodes the specified NetworkSpec message. Does not implicitly {@link swarm.NetworkSpec.verify|verify} messages.
         * @param message NetworkSpec message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.NetworkSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified NetworkSpec message, length delimited. Does not implicitly {@link swarm.NetworkSpec.verify|verify} messages.
         * @param message NetworkSpec message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.NetworkSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a NetworkSpec message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.NetworkSpec & swarm.NetworkSpec.$Shape} NetworkSpec
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.NetworkSpec & swarm.NetworkSpec.$Shape;

        /**
         * Decodes a NetworkSpec message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.NetworkSpec & swarm.NetworkSpec.$Shape} NetworkSpec
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.NetworkSpec & swarm.NetworkSpec.$Shape;

        /**
         * Verifies a NetworkSpec message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a NetworkSpec message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns NetworkSpec
         */
        static fromObject(object: { [k: string]: any }): swarm.NetworkSpec;

        /**
         * Creates a plain object from a NetworkSpec message. Also converts values to other types if specified.
         * @param message NetworkSpec
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.NetworkSpec, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this NetworkSpec to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for NetworkSpec
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace NetworkSpec {

        /** Properties of a NetworkSpec. */
        interface $Properties {

            /** NetworkSpec annotations */
            annotations?: (swarm.Annotations.$Properties|null);

            /** NetworkSpec driverConfig */
            driverConfig?: (swarm.Driver.$Properties|null);

            /** NetworkSpec ipv6Enabled */
            ipv6Enabled?: (boolean|null);

            /** NetworkSpec internal */
            internal?: (boolean|null);

            /** NetworkSpec attachable */
            attachable?: (boolean|null);

            /** NetworkSpec ingress */
            ingress?: (boolean|null);

            /** NetworkSpec ipam */
            ipam?: (swarm.IPAMOptions.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a NetworkSpec. */
        type $Shape = swarm.NetworkSpec.$Properties;
    }

    /**
     * Properties of a Network.
     * @deprecated Use swarm.Network.$Properties instead.
     */
    interface INetwork extends swarm.Network.$Properties {
    }

    /** Represents a Network. */
    class Network {

        /**
         * Constructs a new Network.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.Network.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Network id. */
        id: string;

        /** Network meta. */
        meta?: (swarm.Meta.$Properties|null);

        /** Network spec. */
        spec?: (swarm.NetworkSpec.$Properties|null);

        /** Network driverState. */
        driverState?: (swarm.Driver.$Properties|null);

        /** Network ipam. */
        ipam?: (swarm.IPAMOptions.$Properties|null);

        /**
         * Creates a new Network instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Network instance
         */
        static create(properties: swarm.Network.$Shape): swarm.Network & swarm.Network.$Shape;
        static create(properties?: swarm.Network.$Properties): swarm.Network;

        /**
         * Encodes the specified Network message. Does not implicitly {@link swarm.Network.verify|verify} messages.
         * @param message Network message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.Network.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Network message, length delimited. Does not implicitly {@link swarm.Network.verify|verify} messages.
         * @param message Network message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.Network.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Network message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.Network & swarm.Network.$Shape} Network
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.Network & swarm.Network.$Shape;

        /**
         * Decodes a Network message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.Network & swarm.Network.$Shape} Network
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.Network & swarm.Network.$Shape;

        /**
         * Verifies a Network message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a Network message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Network
         */
        static fromObject(object: { [k: string]: any }): swarm.Network;

        /**
         * Creates a plain object from a Network message. Also converts values to other types if specified.
         * @param message Network
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.Network, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Network to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Network
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Network {

        /** Properties of a Network. */
        interface $Properties {

            /** Network id */
            id?: (string|null);

            /** Network meta */
            meta?: (swarm.Meta.$Properties|null);

            /** Network spec */
            spec?: (swarm.NetworkSpec.$Properties|null);

            /** Network driverState */
            driverState?: (swarm.Driver.$Properties|null);

            /** Network ipam */
            ipam?: (swarm.IPAMOptions.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Network. */
        type $Shape = swarm.Network.$Properties;
    }

    /**
     * Properties of an OrchestrationConfig.
     * @deprecated Use swarm.OrchestrationConfig.$Properties instead.
     */
    interface IOrchestrationConfig extends swarm.OrchestrationConfig.$Properties {
    }

    /** Represents an OrchestrationConfig. */
    class OrchestrationConfig {

        /**
         * Constructs a new OrchestrationConfig.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.OrchestrationConfig.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** OrchestrationConfig taskHistoryRetentionLimit. */
        taskHistoryRetentionLimit: Long;

        /** OrchestrationConfig placementStrategy. */
        placementStrategy: string;

        /** OrchestrationConfig rebalance. */
        rebalance?: (swarm.RebalanceConfig.$Properties|null);

        /**
         * Creates a new OrchestrationConfig instance using the specified properties.
         * @param [properties] Properties to set
         * @returns OrchestrationConfig instance
         */
        static create(properties: swarm.OrchestrationConfig.$Shape): swarm.OrchestrationConfig & swarm.OrchestrationConfig.$Shape;
        static create(properties?: swarm.OrchestrationConfig.$Properties): swarm.OrchestrationConfig;

        /**
         * Encodes the specified OrchestrationConfig message. Does not implicitly {@link swarm.OrchestrationConfig.verify|verify} messages.
         * @param message OrchestrationConfig message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.OrchestrationConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified OrchestrationConfig message, length delimited. Does not implicitly {@link swarm.OrchestrationConfig.verify|verify} messages.
         * @param message OrchestrationConfig message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.OrchestrationConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an OrchestrationConfig message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.OrchestrationConfig & swarm.OrchestrationConfig.$Shape} OrchestrationConfig
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.OrchestrationConfig & swarm.OrchestrationConfig.$Shape;

        /**
         * Decodes an OrchestrationConfig message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.OrchestrationConfig & swarm.OrchestrationConfig.$Shape} OrchestrationConfig
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.OrchestrationConfig & swarm.OrchestrationConfig.$Shape;

        /**
         * Verifies an OrchestrationConfig message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an OrchestrationConfig message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns OrchestrationConfig
         */
        static fromObject(object: { [k: string]: any }): swarm.OrchestrationConfig;

        /**
         * Creates a plain object from an OrchestrationConfig message. Also converts values to other types if specified.
         * @param message OrchestrationConfig
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.OrchestrationConfig, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this OrchestrationConfig to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for OrchestrationConfig
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace OrchestrationConfig {

        /** Properties of an OrchestrationConfig. */
        interface $Properties {

            /** OrchestrationConfig taskHistoryRetentionLimit */
            taskHistoryRetentionLimit?: (Long|null);

            /** OrchestrationConfig placementStrategy */
            placementStrategy?: (string|null);

            /** OrchestrationConfig rebalance */
            rebalance?: (swarm.RebalanceConfig.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an OrchestrationConfig. */
        type $Shape = swarm.OrchestrationConfig.$Properties;
    }

    /**
     * Properties of a RebalanceConfig.
     * @deprecated Use swarm.RebalanceConfig.$Properties instead.
     */
    interface IRebalanceConfig extends swarm.RebalanceConfig.$Properties {
    }

    /** Represents a RebalanceConfig. */
    class RebalanceConfig {

        /**
         * Constructs a new RebalanceConfig.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.RebalanceConfig.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RebalanceConfig maxMoves. */
        maxMoves: number;

        /** RebalanceConfig intervalMs. */
        intervalMs: Long;

        /**
         * Creates a new RebalanceConfig instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RebalanceConfig instance
         */
        static create(properties: swarm.RebalanceConfig.$Shape): swarm.RebalanceConfig & swarm.RebalanceConfig.$Shape;
        static create(properties?: swarm.RebalanceConfig.$Properties): swarm.RebalanceConfig;

        /**
         * Encodes the specified RebalanceConfig message. Does not implicitly {@link swarm.RebalanceConfig.verify|verify} messages.
         * @param message RebalanceConfig message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.RebalanceConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified RebalanceConfig message, length delimited. Does not implicitly {@link swarm.RebalanceConfig.verify|verify} messages.
         * @param message RebalanceConfig message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.RebalanceConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RebalanceConfig message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.RebalanceConfig & swarm.RebalanceConfig.$Shape} RebalanceConfig
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.RebalanceConfig & swarm.RebalanceConfig.$Shape;

        /**
         * Decodes a RebalanceConfig message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.RebalanceConfig & swarm.RebalanceConfig.$Shape} RebalanceConfig
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.RebalanceConfig & swarm.RebalanceConfig.$Shape;

        /**
         * Verifies a RebalanceConfig message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a RebalanceConfig message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns RebalanceConfig
         */
        static fromObject(object: { [k: string]: any }): swarm.RebalanceConfig;

        /**
         * Creates a plain object from a RebalanceConfig message. Also converts values to other types if specified.
         * @param message RebalanceConfig
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.RebalanceConfig, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this RebalanceConfig to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for RebalanceConfig
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace RebalanceConfig {

        /** Properties of a RebalanceConfig. */
        interface $Properties {

            /** RebalanceConfig maxMoves */
            maxMoves?: (number|null);

            /** RebalanceConfig intervalMs */
            intervalMs?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RebalanceConfig. */
        type $Shape = swarm.RebalanceConfig.$Properties;
    }

    /**
     * Properties of a RaftConfig.
     * @deprecated Use swarm.RaftConfig.$Properties instead.
     */
    interface IRaftConfig extends swarm.RaftConfig.$Properties {
    }

    /** Represents a RaftConfig. */
    class RaftConfig {

        /**
         * Constructs a new RaftConfig.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.RaftConfig.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RaftConfig snapshotInterval. */
        snapshotInterval: Long;

        /** RaftConfig keepOldSnapshots. */
        keepOldSnapshots: Long;

        /** RaftConfig logEntriesForSlowFollowers. */
        logEntriesForSlowFollowers: Long;

        /** RaftConfig heartbeatTick. */
        heartbeatTick: number;

        /** RaftConfig electionTick. */
        electionTick: number;

        /**
         * Creates a new RaftConfig instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RaftConfig instance
         */
        static create(properties: swarm.RaftConfig.$Shape): swarm.RaftConfig & swarm.RaftConfig.$Shape;
        static create(properties?: swarm.RaftConfig.$Properties): swarm.RaftConfig;

        /**
         * Encodes the specified RaftConfig message. Does not implicitly {@link swarm.RaftConfig.verify|verify} messages.
         * @param message RaftConfig message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.RaftConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified RaftConfig message, length delimited. Does not implicitly {@link swarm.RaftConfig.verify|verify} messages.
         * @param message RaftConfig message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.RaftConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RaftConfig message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.RaftConfig & swarm.RaftConfig.$Shape} RaftConfig
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.RaftConfig & swarm.RaftConfig.$Shape;

        /**
         * Decodes a RaftConfig message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.RaftConfig & swarm.RaftConfig.$Shape} RaftConfig
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.RaftConfig & swarm.RaftConfig.$Shape;

        /**
         * Verifies a RaftConfig message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a RaftConfig message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns RaftConfig
         */
        static fromObject(object: { [k: string]: any }): swarm.RaftConfig;

        /**
         * Creates a plain object from a RaftConfig message. Also converts values to other types if specified.
         * @param message RaftConfig
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.RaftConfig, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this RaftConfig to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for RaftConfig
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace RaftConfig {

        /** Properties of a RaftConfig. */
        interface $Properties {

            /** RaftConfig snapshotInterval */
            snapshotInterval?: (Long|null);

            /** RaftConfig keepOldSnapshots */
            keepOldSnapshots?: (Long|null);

            /** RaftConfig logEntriesForSlowFollowers */
            logEntriesForSlowFollowers?: (Long|null);

            /** RaftConfig heartbeatTick */
            heartbeatTick?: (number|null);

            /** RaftConfig electionTick */
            electionTick?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RaftConfig. */
        type $Shape = swarm.RaftConfig.$Properties;
    }

    /**
     * Properties of a DispatcherConfig.
     * @deprecated Use swarm.DispatcherConfig.$Properties instead.
     */
    interface IDispatcherConfig extends swarm.DispatcherConfig.$Properties {
    }

    /** Represents a DispatcherConfig. */
    class DispatcherConfig {

        /**
         * Constructs a new DispatcherConfig.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.DispatcherConfig.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** DispatcherConfig heartbeatPeriodMs. */
        heartbeatPeriodMs: Long;

        /**
         * Creates a new DispatcherConfig instance using the specified properties.
         * @param [properties] Properties to set
         * @returns DispatcherConfig instance
         */
        static create(properties: swarm.DispatcherConfig.$Shape): swarm.DispatcherConfig & swarm.DispatcherConfig.$Shape;
        static create(properties?: swarm.DispatcherConfig.$Properties): swarm.DispatcherConfig;

        /**
         * Encodes the specified DispatcherConfig message. Does not implicitly {@link swarm.DispatcherConfig.verify|verify} messages.
         * @param message DispatcherConfig message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.DispatcherConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified DispatcherConfig message, length delimited. Does not implicitly {@link swarm.DispatcherConfig.verify|verify} messages.
         * @param message DispatcherConfig message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.DispatcherConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DispatcherConfig message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.DispatcherConfig & swarm.DispatcherConfig.$Shape} DispatcherConfig
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.DispatcherConfig & swarm.DispatcherConfig.$Shape;

        /**
         * Decodes a DispatcherConfig message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.DispatcherConfig & swarm.DispatcherConfig.$Shape} DispatcherConfig
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.DispatcherConfig & swarm.DispatcherConfig.$Shape;

        /**
         * Verifies a DispatcherConfig message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a DispatcherConfig message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns DispatcherConfig
         */
        static fromObject(object: { [k: string]: any }): swarm.DispatcherConfig;

        /**
         * Creates a plain object from a DispatcherConfig message. Also converts values to other types if specified.
         * @param message DispatcherConfig
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.DispatcherConfig, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this DispatcherConfig to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for DispatcherConfig
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace DispatcherConfig {

        /** Properties of a DispatcherConfig. */
        interface $Properties {

            /** DispatcherConfig heartbeatPeriodMs */
            heartbeatPeriodMs?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a DispatcherConfig. */
        type $Shape = swarm.DispatcherConfig.$Properties;
    }

    /**
     * Properties of a CAConfig.
     * @deprecated Use swarm.CAConfig.$Properties instead.
     */
    interface ICAConfig extends swarm.CAConfig.$Properties {
    }

    /** Represents a CAConfig. */
    class CAConfig {

        /**
         * Constructs a new CAConfig.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.CAConfig.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CAConfig nodeCertExpiryMs. */
        nodeCertExpiryMs: Long;

        /** CAConfig forceRotate. */
        forceRotate: Long;

        /**
         * Creates a new CAConfig instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CAConfig instance
         */
        static create(properties: swarm.CAConfig.$Shape): swarm.CAConfig & swarm.CAConfig.$Shape;
        static create(properties?: swarm.CAConfig.$Properties): swarm.CAConfig;

        /**
         * Encodes the specified CAConfig message. Does not implicitly {@link swarm.CAConfig.verify|verify} messages.
         * @param message CAConfig message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.CAConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified CAConfig message, length delimited. Does not implicitly {@link swarm.CAConfig.verify|verify} messages.
         * @param message CAConfig message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.CAConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CAConfig message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.CAConfig & swarm.CAConfig.$Shape} CAConfig
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.CAConfig & swarm.CAConfig.$Shape;

        /**
         * Decodes a CAConfig message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.CAConfig & swarm.CAConfig.$Shape} CAConfig
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.CAConfig & swarm.CAConfig.$Shape;

        /**
         * Verifies a CAConfig message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a CAConfig message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns CAConfig
         */
        static fromObject(object: { [k: string]: any }): swarm.CAConfig;

        /**
         * Creates a plain object from a CAConfig message. Also converts values to other types if specified.
         * @param message CAConfig
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.CAConfig, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this CAConfig to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for CAConfig
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace CAConfig {

        /** Properties of a CAConfig. */
        interface $Properties {

            /** CAConfig nodeCertExpiryMs */
            nodeCertExpiryMs?: (Long|null);

            /** CAConfig forceRotate */
            forceRotate?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CAConfig. */
        type $Shape = swarm.CAConfig.$Properties;
    }

    /**
     * Properties of an EncryptionConfig.
     * @deprecated Use swarm.EncryptionConfig.$Properties instead.
     */
    interface IEncryptionConfig extends swarm.EncryptionConfig.$Properties {
    }

    /** Represents an EncryptionConfig. */
    class EncryptionConfig {

        /**
         * Constructs a new EncryptionConfig.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.EncryptionConfig.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** EncryptionConfig autoLockManagers. */
        autoLockManagers: boolean;

        /**
         * Creates a new EncryptionConfig instance using the specified properties.
         * @param [properties] Properties to set
         * @returns EncryptionConfig instance
         */
        static create(properties: swarm.EncryptionConfig.$Shape): swarm.EncryptionConfig & swarm.EncryptionConfig.$Shape;
        static create(properties?: swarm.EncryptionConfig.$Properties): swarm.EncryptionConfig;

        /**
         * Encodes the specified EncryptionConfig message. Does not implicitly {@link swarm.EncryptionConfig.verify|verify} messages.
         * @param message EncryptionConfig message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.EncryptionConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified EncryptionConfig message, length delimited. Does not implicitly {@link swarm.EncryptionConfig.verify|verify} messages.
         * @param message EncryptionConfig message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.EncryptionConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an EncryptionConfig message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.EncryptionConfig & swarm.EncryptionConfig.$Shape} EncryptionConfig
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.EncryptionConfig & swarm.EncryptionConfig.$Shape;

        /**
         * Decodes an EncryptionConfig message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.EncryptionConfig & swarm.EncryptionConfig.$Shape} EncryptionConfig
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.EncryptionConfig & swarm.EncryptionConfig.$Shape;

        /**
         * Verifies an EncryptionConfig message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an EncryptionConfig message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns EncryptionConfig
         */
        static fromObject(object: { [k: string]: any }): swarm.EncryptionConfig;

        /**
         * Creates a plain object from an EncryptionConfig message. Also converts values to other types if specified.
         * @param message EncryptionConfig
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.EncryptionConfig, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this EncryptionConfig to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for EncryptionConfig
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace EncryptionConfig {

        /** Properties of an EncryptionConfig. */
        interface $Properties {

            /** EncryptionConfig autoLockManagers */
            autoLockManagers?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an EncryptionConfig. */
        type $Shape = swarm.EncryptionConfig.$Properties;
    }

    /**
     * Properties of a ClusterSpec.
     * @deprecated Use swarm.ClusterSpec.$Properties instead.
     */
    interface IClusterSpec extends swarm.ClusterSpec.$Properties {
    }

    /** Represents a ClusterSpec. */
    class ClusterSpec {

        /**
         * Constructs a new ClusterSpec.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ClusterSpec.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ClusterSpec annotations. */
        annotations?: (swarm.Annotations.$Properties|null);

        /** ClusterSpec orchestration. */
        orchestration?: (swarm.OrchestrationConfig.$Properties|null);

        /** ClusterSpec raft. */
        raft?: (swarm.RaftConfig.$Properties|null);

        /** ClusterSpec dispatcher. */
        dispatcher?: (swarm.DispatcherConfig.$Properties|null);

        /** ClusterSpec caConfig. */
        caConfig?: (swarm.CAConfig.$Properties|null);

        /** ClusterSpec encryptionConfig. */
        encryptionConfig?: (swarm.EncryptionConfig.$Properties|null);

        /**
         * Creates a new ClusterSpec instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ClusterSpec instance
         */
        static create(properties: swarm.ClusterSpec.$Shape): swarm.ClusterSpec & swarm.ClusterSpec.$Shape;
        static create(properties?: swarm.ClusterSpec.$Properties): swarm.ClusterSpec;

        /**
         * Encodes the specified ClusterSpec message. Does not implicitly {@link swarm.ClusterSpec.verify|verify} messages.
         * @param message ClusterSpec message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ClusterSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ClusterSpec message, length delimited. Does not implicitly {@link swarm.ClusterSpec.verify|verify} messages.
         * @param message ClusterSpec message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ClusterSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ClusterSpec message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ClusterSpec & swarm.ClusterSpec.$Shape} ClusterSpec
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ClusterSpec & swarm.ClusterSpec.$Shape;

        /**
         * Decodes a ClusterSpec message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ClusterSpec & swarm.ClusterSpec.$Shape} ClusterSpec
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ClusterSpec & swarm.ClusterSpec.$Shape;

        /**
         * Verifies a ClusterSpec message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ClusterSpec message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ClusterSpec
         */
        static fromObject(object: { [k: string]: any }): swarm.ClusterSpec;

        /**
         * Creates a plain object from a ClusterSpec message. Also converts values to other types if specified.
         * @param message ClusterSpec
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ClusterSpec, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ClusterSpec to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ClusterSpec
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ClusterSpec {

        /** Properties of a ClusterSpec. */
        interface $Properties {

            /** ClusterSpec annotations */
            annotations?: (swarm.Annotations.$Properties|null);

            /** ClusterSpec orchestration */
            orchestration?: (swarm.OrchestrationConfig.$Properties|null);

            /** ClusterSpec raft */
            raft?: (swarm.RaftConfig.$Properties|null);

            /** ClusterSpec dispatcher */
            dispatcher?: (swarm.DispatcherConfig.$Properties|null);

            /** ClusterSpec caConfig */
            caConfig?: (swarm.CAConfig.$Properties|null);

            /** ClusterSpec encryptionConfig */
            encryptionConfig?: (swarm.EncryptionConfig.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ClusterSpec. */
        type $Shape = swarm.ClusterSpec.$Properties;
    }

    /**
     * Properties of a JoinTokens.
     * @deprecated Use swarm.JoinTokens.$Properties instead.
     */
    interface IJoinTokens extends swarm.JoinTokens.$Properties {
    }

    /** Represents a JoinTokens. */
    class JoinTokens {

        /**
         * Constructs a new JoinTokens.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.JoinTokens.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** JoinTokens worker. */
        worker: string;

        /** JoinTokens manager. */
        manager: string;

        /**
         * Creates a new JoinTokens instance using the specified properties.
         * @param [properties] Properties to set
         * @returns JoinTokens instance
         */
        static create(properties: swarm.JoinTokens.$Shape): swarm.JoinTokens & swarm.JoinTokens.$Shape;
        static create(properties?: swarm.JoinTokens.$Properties): swarm.JoinTokens;

        /**
         * Encodes the specified JoinTokens message. Does not implicitly {@link swarm.JoinTokens.verify|verify} messages.
         * @param message JoinTokens message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.JoinTokens.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified JoinTokens message, length delimited. Does not implicitly {@link swarm.JoinTokens.verify|verify} messages.
         * @param message JoinTokens message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.JoinTokens.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a JoinTokens message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.JoinTokens & swarm.JoinTokens.$Shape} JoinTokens
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.JoinTokens & swarm.JoinTokens.$Shape;

        /**
         * Decodes a JoinTokens message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.JoinTokens & swarm.JoinTokens.$Shape} JoinTokens
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.JoinTokens & swarm.JoinTokens.$Shape;

        /**
         * Verifies a JoinTokens message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a JoinTokens message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns JoinTokens
         */
        static fromObject(object: { [k: string]: any }): swarm.JoinTokens;

        /**
         * Creates a plain object from a JoinTokens message. Also converts values to other types if specified.
         * @param message JoinTokens
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.JoinTokens, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this JoinTokens to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for JoinTokens
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace JoinTokens {

        /** Properties of a JoinTokens. */
        interface $Properties {

            /** JoinTokens worker */
            worker?: (string|null);

            /** JoinTokens manager */
            manager?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a JoinTokens. */
        type $Shape = swarm.JoinTokens.$Properties;
    }

    /** RootRotationPhase enum. */
    enum RootRotationPhase {

        /** ROOT_ROTATION_PHASE_UNSPECIFIED value */
        ROOT_ROTATION_PHASE_UNSPECIFIED = 0,

        /** ROOT_ROTATION_PHASE_TRUST value */
        ROOT_ROTATION_PHASE_TRUST = 1,

        /** ROOT_ROTATION_PHASE_ISSUE value */
        ROOT_ROTATION_PHASE_ISSUE = 2,

        /** ROOT_ROTATION_PHASE_RETIRE value */
        ROOT_ROTATION_PHASE_RETIRE = 3
    }

    /**
     * Properties of a RootRotation.
     * @deprecated Use swarm.RootRotation.$Properties instead.
     */
    interface IRootRotation extends swarm.RootRotation.$Properties {
    }

    /** Represents a RootRotation. */
    class RootRotation {

        /**
         * Constructs a new RootRotation.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.RootRotation.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RootRotation caCert. */
        caCert: Uint8Array;

        /** RootRotation caKey. */
        caKey: Uint8Array;

        /** RootRotation crossSignedCaCert. */
        crossSignedCaCert: Uint8Array;

        /** RootRotation phase. */
        phase: swarm.RootRotationPhase;

        /** RootRotation startedAt. */
        startedAt: Long;

        /** RootRotation phaseStartedAt. */
        phaseStartedAt: Long;

        /**
         * Creates a new RootRotation instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RootRotation instance
         */
        static create(properties: swarm.RootRotation.$Shape): swarm.RootRotation & swarm.RootRotation.$Shape;
        static create(properties?: swarm.RootRotation.$Properties): swarm.RootRotation;

        /**
         * Encodes the specified RootRotation message. Does not implicitly {@link swarm.RootRotation.verify|verify} messages.
         * @param message RootRotation message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.RootRotation.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified RootRotation message, length delimited. Does not implicitly {@link swarm.RootRotation.verify|verify} messages.
         * @param message RootRotation message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.RootRotation.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RootRotation message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.RootRotation & swarm.RootRotation.$Shape} RootRotation
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.RootRotation & swarm.RootRotation.$Shape;

        /**
         * Decodes a RootRotation message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.RootRotation & swarm.RootRotation.$Shape} RootRotation
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.RootRotation & swarm.RootRotation.$Shape;

        /**
         * Verifies a RootRotation message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a RootRotation message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns RootRotation
         */
        static fromObject(object: { [k: string]: any }): swarm.RootRotation;

        /**
         * Creates a plain object from a RootRotation message. Also converts values to other types if specified.
         * @param message RootRotation
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.RootRotation, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this RootRotation to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for RootRotation
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace RootRotation {

        /** Properties of a RootRotation. */
        interface $Properties {

            /** RootRotation caCert */
            caCert?: (Uint8Array|null);

            /** RootRotation caKey */
            caKey?: (Uint8Array|null);

            /** RootRotation crossSignedCaCert */
            crossSignedCaCert?: (Uint8Array|null);

            /** RootRotation phase */
            phase?: (swarm.RootRotationPhase|null);

            /** RootRotation startedAt */
            startedAt?: (Long|null);

            /** RootRotation phaseStartedAt */
            phaseStartedAt?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RootRotation. */
        type $Shape = swarm.RootRotation.$Properties;
    }

    /**
     * Properties of a RootCA.
     * @deprecated Use swarm.RootCA.$Properties instead.
     */
    interface IRootCA extends swarm.RootCA.$Properties {
    }

    /** Represents a RootCA. */
    class RootCA {

        /**
         * Constructs a new RootCA.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.RootCA.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RootCA caKey. */
        caKey: Uint8Array;

        /** RootCA caCert. */
        caCert: Uint8Array;

        /** RootCA caCertHash. */
        caCertHash: Uint8Array;

        /** RootCA joinTokens. */
        joinTokens?: (swarm.JoinTokens.$Properties|null);

        /** RootCA rootRotation. */
        rootRotation?: (swarm.RootRotation.$Properties|null);

        /** RootCA lastForcedRotation. */
        lastForcedRotation: Long;

        /**
         * Creates a new RootCA instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RootCA instance
         */
        static create(properties: swarm.RootCA.$Shape): swarm.RootCA & swarm.RootCA.$Shape;
        static create(properties?: swarm.RootCA.$Properties): swarm.RootCA;

        /**
         * Encodes the specified RootCA message. Does not implicitly {@link swarm.RootCA.verify|verify} messages.
         * @param message RootCA message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.RootCA.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified RootCA message, length delimited. Does not implicitly {@link swarm.RootCA.verify|verify} messages.
         * @param message RootCA message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.RootCA.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RootCA message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.RootCA & swarm.RootCA.$Shape} RootCA
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.RootCA & swarm.RootCA.$Shape;

        /**
         * Decodes a RootCA message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.RootCA & swarm.RootCA.$Shape} RootCA
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.RootCA & swarm.RootCA.$Shape;

        /**
         * Verifies a RootCA message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a RootCA message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns RootCA
         */
        static fromObject(object: { [k: string]: any }): swarm.RootCA;

        /**
         * Creates a plain object from a RootCA message. Also converts values to other types if specified.
         * @param message RootCA
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.RootCA, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this RootCA to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for RootCA
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace RootCA {

        /** Properties of a RootCA. */
        interface $Properties {

            /** RootCA caKey */
            caKey?: (Uint8Array|null);

            /** RootCA caCert */
            caCert?: (Uint8Array|null);

            /** RootCA caCertHash */
            caCertHash?: (Uint8Array|null);

            /** RootCA joinTokens */
            joinTokens?: (swarm.JoinTokens.$Properties|null);

            /** RootCA rootRotation */
            rootRotation?: (swarm.RootRotation.$Properties|null);

            /** RootCA lastForcedRotation */
            lastForcedRotation?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RootCA. */
        type $Shape = swarm.RootCA.$Properties;
    }

    /**
     * Properties of a DeniedCertificate.
     * @deprecated Use swarm.DeniedCertificate.$Properties instead.
     */
    interface IDeniedCertificate extends swarm.DeniedCertificate.$Properties {
    }

    /** Represents a DeniedCertificate. */
    class DeniedCertificate {

        /**
         * Constructs a new DeniedCertificate.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.DeniedCertificate.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** DeniedCertificate expiry. */
        expiry: Long;

        /**
         * Creates a new DeniedCertificate instance using the specified properties.
         * @param [properties] Properties to set
         * @returns DeniedCertificate instance
         */
        static create(properties: swarm.DeniedCertificate.$Shape): swarm.DeniedCertificate & swarm.DeniedCertificate.$Shape;
        static create(properties?: swarm.DeniedCertificate.$Properties): swarm.DeniedCertificate;

        /**
         * Encodes the specified DeniedCertificate message. Does not implicitly {@link swarm.DeniedCertificate.verify|verify} messages.
         * @param message DeniedCertificate message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.DeniedCertificate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified DeniedCertificate message, length delimited. Does not implicitly {@link swarm.DeniedCertificate.verify|verify} messages.
         * @param message DeniedCertificate message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.DeniedCertificate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DeniedCertificate message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.DeniedCertificate & swarm.DeniedCertificate.$Shape} DeniedCertificate
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.DeniedCertificate & swarm.DeniedCertificate.$Shape;

        /**
         * Decodes a DeniedCertificate message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.DeniedCertificate & swarm.DeniedCertificate.$Shape} DeniedCertificate
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.DeniedCertificate & swarm.DeniedCertificate.$Shape;

        /**
         * Verifies a DeniedCertificate message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a DeniedCertificate message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns DeniedCertificate
         */
        static fromObject(object: { [k: string]: any }): swarm.DeniedCertificate;

        /**
         * Creates a plain object from a DeniedCertificate message. Also converts values to other types if specified.
         * @param message DeniedCertificate
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.DeniedCertificate, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this DeniedCertificate to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for DeniedCertificate
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace DeniedCertificate {

        /** Properties of a DeniedCertificate. */
        interface $Properties {

            /** DeniedCertificate expiry */
            expiry?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a DeniedCertificate. */
        type $Shape = swarm.DeniedCertificate.$Properties;
    }

    /**
     * Properties of a Cluster.
     * @deprecated Use swarm.Cluster.$Properties instead.
     */
    interface ICluster extends swarm.Cluster.$Properties {
    }

    /** Represents a Cluster. */
    class Cluster {

        /**
         * Constructs a new Cluster.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.Cluster.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Cluster id. */
        id: string;

        /** Cluster meta. */
        meta?: (swarm.Meta.$Properties|null);

        /** Cluster spec. */
        spec?: (swarm.ClusterSpec.$Properties|null);

        /** Cluster rootCa. */
        rootCa?: (swarm.RootCA.$Properties|null);

        /** Cluster deniedNodes. */
        deniedNodes: { [k: string]: swarm.DeniedCertificate.$Properties };

        /** Cluster encryptionKeyLamportClock. */
        encryptionKeyLamportClock: Long;

        /** Cluster unlockKey. */
        unlockKey: string;

        /**
         * Creates a new Cluster instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Cluster instance
         */
        static create(properties: swarm.Cluster.$Shape): swarm.Cluster & swarm.Cluster.$Shape;
        static create(properties?: swarm.Cluster.$Properties): swarm.Cluster;

        /**
         * Encodes the specified Cluster message. Does not implicitly {@link swarm.Cluster.verify|verify} messages.
         * @param message Cluster message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.Cluster.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Cluster message, length delimited. Does not implicitly {@link swarm.Cluster.verify|verify} messages.
         * @param message Cluster message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.Cluster.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Cluster message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.Cluster & swarm.Cluster.$Shape} Cluster
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.Cluster & swarm.Cluster.$Shape;

        /**
         * Decodes a Cluster message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.Cluster & swarm.Cluster.$Shape} Cluster
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.Cluster & swarm.Cluster.$Shape;

        /**
         * Verifies a Cluster message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a Cluster message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Cluster
         */
        static fromObject(object: { [k: string]: any }): swarm.Cluster;

        /**
         * Creates a plain object from a Cluster message. Also converts values to other types if specified.
         * @param message Cluster
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.Cluster, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Cluster to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Cluster
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Cluster {

        /** Properties of a Cluster. */
        interface $Properties {

            /** Cluster id */
            id?: (string|null);

            /** Cluster meta */
            meta?: (swarm.Meta.$Properties|null);

            /** Cluster spec */
            spec?: (swarm.ClusterSpec.$Properties|null);

            /** Cluster rootCa */
            rootCa?: (swarm.RootCA.$Properties|null);

            /** Cluster deniedNodes */
            deniedNodes?: ({ [k: string]: swarm.DeniedCertificate.$Properties }|null);

            /** Cluster encryptionKeyLamportClock */
            encryptionKeyLamportClock?: (Long|null);

            /** Cluster unlockKey */
            unlockKey?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Cluster. */
        type $Shape = swarm.Cluster.$Properties;
    }

    /**
     * Properties of a GetNodeRequest.
     * @deprecated Use swarm.GetNodeRequest.$Properties instead.
     */
    interface IGetNodeRequest extends swarm.GetNodeRequest.$Properties {
    }

    /** Represents a GetNodeRequest. */
    class GetNodeRequest {

        /**
         * Constructs a new GetNodeRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.GetNodeRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** GetNodeRequest nodeId. */
        nodeId: string;

        /**
         * Creates a new GetNodeRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns GetNodeRequest instance
         */
        static create(properties: swarm.GetNodeRequest.$Shape): swarm.GetNodeRequest & swarm.GetNodeRequest.$Shape;
        static create(properties?: swarm.GetNodeRequest.$Properties): swarm.GetNodeRequest;

        /**
         * Encodes the specified GetNodeRequest message. Does not implicitly {@link swarm.GetNodeRequest.verify|verify} messages.
         * @param message GetNodeRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.GetNodeRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified GetNodeRequest message, length delimited. Does not implicitly {@link swarm.GetNodeRequest.verify|verify} messages.
         * @param message GetNodeRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.GetNodeRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a GetNodeRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.GetNodeRequest & swarm.GetNodeRequest.$Shape} GetNodeRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.GetNodeRequest & swarm.GetNodeRequest.$Shape;

        /**
         * Decodes a GetNodeRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.GetNodeRequest & swarm.GetNodeRequest.$Shape} GetNodeRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.GetNodeRequest & swarm.GetNodeRequest.$Shape;

        /**
         * Verifies a GetNodeRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a GetNodeRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns GetNodeRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.GetNodeRequest;

        /**
         * Creates a plain object from a GetNodeRequest message. Also converts values to other types if specified.
         * @param message GetNodeRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.GetNodeRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this GetNodeRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for GetNodeRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace GetNodeRequest {

        /** Properties of a GetNodeRequest. */
        interface $Properties {

            /** GetNodeRequest nodeId */
            nodeId?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a GetNodeRequest. */
        type $Shape = swarm.GetNodeRequest.$Properties;
    }

    /**
     * Properties of a GetNodeResponse.
     * @deprecated Use swarm.GetNodeResponse.$Properties instead.
     */
    interface IGetNodeResponse extends swarm.GetNodeResponse.$Properties {
    }

    /** Represents a GetNodeResponse. */
    class GetNodeResponse {

        /**
         * Constructs a new GetNodeResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.GetNodeResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** GetNodeResponse node. */
        node?: (swarm.Node.$Properties|null);

        /**
         * Creates a new GetNodeResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns GetNodeResponse instance
         */
        static create(properties: swarm.GetNodeResponse.$Shape): swarm.GetNodeResponse & swarm.GetNodeResponse.$Shape;
        static create(properties?: swarm.GetNodeResponse.$Properties): swarm.GetNodeResponse;

        /**
         * Encodes the specified GetNodeResponse message. Does not implicitly {@link swarm.GetNodeResponse.verify|verify} messages.
         * @param message GetNodeResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.GetNodeResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified GetNodeResponse message, length delimited. Does not implicitly {@link swarm.GetNodeResponse.verify|verify} messages.
         * @param message GetNodeResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.GetNodeResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a GetNodeResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.GetNodeResponse & swarm.GetNodeResponse.$Shape} GetNodeResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.GetNodeResponse & swarm.GetNodeResponse.$Shape;

        /**
         * Decodes a GetNodeResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.GetNodeResponse & swarm.GetNodeResponse.$Shape} GetNodeResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.GetNodeResponse & swarm.GetNodeResponse.$Shape;

        /**
         * Verifies a GetNodeResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a GetNodeResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns GetNodeResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.GetNodeResponse;

        /**
         * Creates a plain object from a GetNodeResponse message. Also converts values to other types if specified.
         * @param message GetNodeResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.GetNodeResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this GetNodeResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for GetNodeResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace GetNodeResponse {

        /** Properties of a GetNodeResponse. */
        interface $Properties {

            /** GetNodeResponse node */
            node?: (swarm.Node.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a GetNodeResponse. */
        type $Shape = swarm.GetNodeResponse.$Properties;
    }

    /**
     * Properties of a ListNodesRequest.
     * @deprecated Use swarm.ListNodesRequest.$Properties instead.
     */
    interface IListNodesRequest extends swarm.ListNodesRequest.$Properties {
    }

    /** Represents a ListNodesRequest. */
    class ListNodesRequest {

        /**
         * Constructs a new ListNodesRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ListNodesRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ListNodesRequest filters. */
        filters?: (swarm.ListNodesRequest.Filters.$Properties|null);

        /**
         * Creates a new ListNodesRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ListNodesRequest instance
         */
        static create(properties: swarm.ListNodesRequest.$Shape): swarm.ListNodesRequest & swarm.ListNodesRequest.$Shape;
        static create(properties?: swarm.ListNodesRequest.$Properties): swarm.ListNodesRequest;

        /**
         * Encodes the specified ListNodesRequest message. Does not implicitly {@link swarm.ListNodesRequest.verify|verify} messages.
         * @param message ListNodesRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ListNodesRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ListNodesRequest message, length delimited. Does not implicitly {@link swarm.ListNodesRequest.verify|verify} messages.
         * @param message ListNodesRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ListNodesRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ListNodesRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ListNodesRequest & swarm.ListNodesRequest.$Shape} ListNodesRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ListNodesRequest & swarm.ListNodesRequest.$Shape;

        /**
         * Decodes a ListNodesRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ListNodesRequest & swarm.ListNodesRequest.$Shape} ListNodesRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ListNodesRequest & swarm.ListNodesRequest.$Shape;

        /**
         * Verifies a ListNodesRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ListNodesRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ListNodesRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.ListNodesRequest;

        /**
         * Creates a plain object from a ListNodesRequest message. Also converts values to other types if specified.
         * @param message ListNodesRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ListNodesRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ListNodesRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ListNodesRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ListNodesRequest {

        /** Properties of a ListNodesRequest. */
        interface $Properties {

            /** ListNodesRequest filters */
            filters?: (swarm.ListNodesRequest.Filters.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ListNodesRequest. */
        type $Shape = swarm.ListNodesRequest.$Properties;

        /**
         * Properties of a Filters.
         * @deprecated Use swarm.ListNodesRequest.Filters.$Properties instead.
         */
        interface IFilters extends swarm.ListNodesRequest.Filters.$Properties {
        }

        /** Represents a Filters. */
        class Filters {

            /**
             * Constructs a new Filters.
             * @param [properties] Properties to set
             */
            constructor(properties?: swarm.ListNodesRequest.Filters.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Filters names. */
            names: string[];

            /** Filters idPrefixes. */
            idPrefixes: string[];

            /** Filters labels. */
            labels: { [k: string]: string };

            /** Filters roles. */
            roles: swarm.NodeRole[];

            /** Filters memberships. */
            memberships: swarm.NodeSpec.Membership[];

            /**
             * Creates a new Filters instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Filters instance
             */
            static create(properties: swarm.ListNodesRequest.Filters.$Shape): swarm.ListNodesRequest.Filters & swarm.ListNodesRequest.Filters.$Shape;
            static create(properties?: swarm.ListNodesRequest.Filters.$Properties): swarm.ListNodesRequest.Filters;

            /**
             * Encodes the specified Filters message. Does not implicitly {@link swarm.ListNodesRequest.Filters.verify|verify} messages.
             * @param message Filters message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: swarm.ListNodesRequest.Filters.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Filters message, length delimited. Does not implicitly {@link swarm.ListNodesRequest.Filters.verify|verify} messages.
             * @param message Filters message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: swarm.ListNodesRequest.Filters.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Filters message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {swarm.ListNodesRequest.Filters & swarm.ListNodesRequest.Filters.$Shape} Filters
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ListNodesRequest.Filters & swarm.ListNodesRequest.Filters.$Shape;

            /**
             * Decodes a Filters message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {swarm.ListNodesRequest.Filters & swarm.ListNodesRequest.Filters.$Shape} Filters
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ListNodesRequest.Filters & swarm.ListNodesRequest.Filters.$Shape;

            /**
             * Verifies a Filters message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Filters message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Filters
             */
            static fromObject(object: { [k: string]: any }): swarm.ListNodesRequest.Filters;

            /**
             * Creates a plain object from a Filters message. Also converts values to other types if specified.
             * @param message Filters
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: swarm.ListNodesRequest.Filters, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Filters to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Filters
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Filters {

            /** Properties of a Filters. */
            interface $Properties {

                /** Filters names */
                names?: (string[]|null);

                /** Filters idPrefixes */
                idPrefixes?: (string[]|null);

                /** Filters labels */
                labels?: ({ [k: string]: string }|null);

                /** Filters roles */
                roles?: (swarm.NodeRole[]|null);

                /** Filters memberships */
                memberships?: (swarm.NodeSpec.Membership[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Filters. */
            type $Shape = swarm.ListNodesRequest.Filters.$Properties;
        }
    }

    /**
     * Properties of a ListNodesResponse.
     * @deprecated Use swarm.ListNodesResponse.$Properties instead.
     */
    interface IListNodesResponse extends swarm.ListNodesResponse.$Properties {
    }

    /** Represents a ListNodesResponse. */
    class ListNodesResponse {

        /**
         * Constructs a new ListNodesResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ListNodesResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ListNodesResponse nodes. */
        nodes: swarm.Node.$Properties[];

        /**
         * Creates a new ListNodesResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ListNodesResponse instance
         */
        static create(properties: swarm.ListNodesResponse.$Shape): swarm.ListNodesResponse & swarm.ListNodesResponse.$Shape;
        static create(properties?: swarm.ListNodesResponse.$Properties): swarm.ListNodesResponse;

        /**
         * Encodes the specified ListNodesResponse message. Does not implicitly {@link swarm.ListNodesResponse.verify|verify} messages.
         * @param message ListNodesResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ListNodesResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ListNodesResponse message, length delimited. Does not implicitly {@link swarm.ListNodesResponse.verify|verify} messages.
         * @param message ListNodesResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ListNodesResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ListNodesResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ListNodesResponse & swarm.ListNodesResponse.$Shape} ListNodesResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ListNodesResponse & swarm.ListNodesResponse.$Shape;

        /**
         * Decodes a ListNodesResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ListNodesResponse & swarm.ListNodesResponse.$Shape} ListNodesResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ListNodesResponse & swarm.ListNodesResponse.$Shape;

        /**
         * Verifies a ListNodesResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ListNodesResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ListNodesResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.ListNodesResponse;

        /**
         * Creates a plain object from a ListNodesResponse message. Also converts values to other types if specified.
         * @param message ListNodesResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ListNodesResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ListNodesResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ListNodesResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ListNodesResponse {

        /** Properties of a ListNodesResponse. */
        interface $Properties {

            /** ListNodesResponse nodes */
            nodes?: (swarm.Node.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ListNodesResponse. */
        type $Shape = swarm.ListNodesResponse.$Properties;
    }

    /**
     * Properties of an UpdateNodeRequest.
     * @deprecated Use swarm.UpdateNodeRequest.$Properties instead.
     */
    interface IUpdateNodeRequest extends swarm.UpdateNodeRequest.$Properties {
    }

    /** Represents an UpdateNodeRequest. */
    class UpdateNodeRequest {

        /**
         * Constructs a new UpdateNodeRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.UpdateNodeRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** UpdateNodeRequest nodeId. */
        nodeId: string;

        /** UpdateNodeRequest nodeVersion. */
        nodeVersion?: (swarm.Version.$Properties|null);

        /** UpdateNodeRequest spec. */
        spec?: (swarm.NodeSpec.$Properties|null);

        /**
         * Creates a new UpdateNodeRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns UpdateNodeRequest instance
         */
        static create(properties: swarm.UpdateNodeRequest.$Shape): swarm.UpdateNodeRequest & swarm.UpdateNodeRequest.$Shape;
        static create(properties?: swarm.UpdateNodeRequest.$Properties): swarm.UpdateNodeRequest;

        /**
         * Encodes the specified UpdateNodeRequest message. Does not implicitly {@link swarm.UpdateNodeRequest.verify|verify} messages.
         * @param message UpdateNodeRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.UpdateNodeRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified UpdateNodeRequest message, length delimited. Does not implicitly {@link swarm.UpdateNodeRequest.verify|verify} messages.
         * @param message UpdateNodeRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.UpdateNodeRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an UpdateNodeRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.UpdateNodeRequest & swarm.UpdateNodeRequest.$Shape} UpdateNodeRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.UpdateNodeRequest & swarm.UpdateNodeRequest.$Shape;

        /**
         * Decodes an UpdateNodeRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.UpdateNodeRequest & swarm.UpdateNodeRequest.$Shape} UpdateNodeRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.UpdateNodeRequest & swarm.UpdateNodeRequest.$Shape;

        /**
         * Verifies an UpdateNodeRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an UpdateNodeRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns UpdateNodeRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.UpdateNodeRequest;

        /**
         * Creates a plain object from an UpdateNodeRequest message. Also converts values to other types if specified.
         * @param message UpdateNodeRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.UpdateNodeRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this UpdateNodeRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for UpdateNodeRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace UpdateNodeRequest {

        /** Properties of an UpdateNodeRequest. */
        interface $Properties {

            /** UpdateNodeRequest nodeId */
            nodeId?: (string|null);

            /** UpdateNodeRequest nodeVersion */
            nodeVersion?: (swarm.Version.$Properties|null);

            /** UpdateNodeRequest spec */
            spec?: (swarm.NodeSpec.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an UpdateNodeRequest. */
        type $Shape = swarm.UpdateNodeRequest.$Properties;
    }

    /**
     * Properties of an UpdateNodeResponse.
     * @deprecated Use swarm.UpdateNodeResponse.$Properties instead.
     */
    interface IUpdateNodeResponse extends swarm.UpdateNodeResponse.$Properties {
    }

    /** Represents an UpdateNodeResponse. */
    class UpdateNodeResponse {

        /**
         * Constructs a new UpdateNodeResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.UpdateNodeResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** UpdateNodeResponse node. */
        node?: (swarm.Node.$Properties|null);

        /**
         * Creates a new UpdateNodeResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns UpdateNodeResponse instance
         */
        static create(properties: swarm.UpdateNodeResponse.$Shape): swarm.UpdateNodeResponse & swarm.UpdateNodeResponse.$Shape;
        static create(properties?: swarm.UpdateNodeResponse.$Properties): swarm.UpdateNodeResponse;

        /**
         * Encodes the specified UpdateNodeResponse message. Does not implicitly {@link swarm.UpdateNodeResponse.verify|verify} messages.
         * @param message UpdateNodeResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.UpdateNodeResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified UpdateNodeResponse message, length delimited. Does not implicitly {@link swarm.UpdateNodeResponse.verify|verify} messages.
         * @param message UpdateNodeResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.UpdateNodeResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an UpdateNodeResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.UpdateNodeResponse & swarm.UpdateNodeResponse.$Shape} UpdateNodeResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.UpdateNodeResponse & swarm.UpdateNodeResponse.$Shape;

        /**
         * Decodes an UpdateNodeResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.UpdateNodeResponse & swarm.UpdateNodeResponse.$Shape} UpdateNodeResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.UpdateNodeResponse & swarm.UpdateNodeResponse.$Shape;

        /**
         * Verifies an UpdateNodeResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an UpdateNodeResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns UpdateNodeResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.UpdateNodeResponse;

        /**
         * Creates a plain object from an UpdateNodeResponse message. Also converts values to other types if specified.
         * @param message UpdateNodeResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.UpdateNodeResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this UpdateNodeResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for UpdateNodeResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace UpdateNodeResponse {

        /** Properties of an UpdateNodeResponse. */
        interface $Properties {

            /** UpdateNodeResponse node */
            node?: (swarm.Node.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an UpdateNodeResponse. */
        type $Shape = swarm.UpdateNodeResponse.$Properties;
    }

    /**
     * Properties of a RemoveNodeRequest.
     * @deprecated Use swarm.RemoveNodeRequest.$Properties instead.
     */
    interface IRemoveNodeRequest extends swarm.RemoveNodeRequest.$Properties {
    }

    /** Represents a RemoveNodeRequest. */
    class RemoveNodeRequest {

        /**
         * Constructs a new RemoveNodeRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.RemoveNodeRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RemoveNodeRequest nodeId. */
        nodeId: string;

        /** RemoveNodeRequest force. */
        force: boolean;

        /**
         * Creates a new RemoveNodeRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RemoveNodeRequest instance
         */
        static create(properties: swarm.RemoveNodeRequest.$Shape): swarm.RemoveNodeRequest & swarm.RemoveNodeRequest.$Shape;
        static create(properties?: swarm.RemoveNodeRequest.$Properties): swarm.RemoveNodeRequest;

        /**
         * Encodes the specified RemoveNodeRequest message. Does not implicitly {@link swarm.RemoveNodeRequest.verify|verify} messages.
         * @param message RemoveNodeRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.RemoveNodeRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified RemoveNodeRequest message, length delimited. Does not implicitly {@link swarm.RemoveNodeRequest.verify|verify} messages.
         * @param message RemoveNodeRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.RemoveNodeRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RemoveNodeRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.RemoveNodeRequest & swarm.RemoveNodeRequest.$Shape} RemoveNodeRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.RemoveNodeRequest & swarm.RemoveNodeRequest.$Shape;

        /**
         * Decodes a RemoveNodeRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.RemoveNodeRequest & swarm.RemoveNodeRequest.$Shape} RemoveNodeRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.RemoveNodeRequest & swarm.RemoveNodeRequest.$Shape;

        /**
         * Verifies a RemoveNodeRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a RemoveNodeRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns RemoveNodeRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.RemoveNodeRequest;

        /**
         * Creates a plain object from a RemoveNodeRequest message. Also converts values to other types if specified.
         * @param message RemoveNodeRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.RemoveNodeRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this RemoveNodeRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for RemoveNodeRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace RemoveNodeRequest {

        /** Properties of a RemoveNodeRequest. */
        interface $Properties {

            /** RemoveNodeRequest nodeId */
            nodeId?: (string|null);

            /** RemoveNodeRequest force */
            force?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RemoveNodeRequest. */
        type $Shape = swarm.RemoveNodeRequest.$Properties;
    }

    /**
     * Properties of a RemoveNodeResponse.
     * @deprecated Use swarm.RemoveNodeResponse.$Properties instead.
     */
    interface IRemoveNodeResponse extends swarm.RemoveNodeResponse.$Properties {
    }

    /** Represents a RemoveNodeResponse. */
    class RemoveNodeResponse {

        /**
         * Constructs a new RemoveNodeResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.RemoveNodeResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new RemoveNodeResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RemoveNodeResponse instance
         */
        static create(properties: swarm.RemoveNodeResponse.$Shape): swarm.RemoveNodeResponse & swarm.RemoveNodeResponse.$Shape;
        static create(properties?: swarm.RemoveNodeResponse.$Properties): swarm.RemoveNodeResponse;

        /**
         * Encodes the specified RemoveNodeResponse message. Does not implicitly {@link swarm.RemoveNodeResponse.verify|verify} messages.
         * @param message RemoveNodeResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.RemoveNodeResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified RemoveNodeResponse message, length delimited. Does not implicitly {@link swarm.RemoveNodeResponse.verify|verify} messages.
         * @param message RemoveNodeResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.RemoveNodeResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RemoveNodeResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.RemoveNodeResponse & swarm.RemoveNodeResponse.$Shape} RemoveNodeResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.RemoveNodeResponse & swarm.RemoveNodeResponse.$Shape;

        /**
         * Decodes a RemoveNodeResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.RemoveNodeResponse & swarm.RemoveNodeResponse.$Shape} RemoveNodeResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.RemoveNodeResponse & swarm.RemoveNodeResponse.$Shape;

        /**
         * Verifies a RemoveNodeResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a RemoveNodeResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns RemoveNodeResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.RemoveNodeResponse;

        /**
         * Creates a plain object from a RemoveNodeResponse message. Also converts values to other types if specified.
         * @param message RemoveNodeResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.RemoveNodeResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this RemoveNodeResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for RemoveNodeResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace RemoveNodeResponse {

        /** Properties of a RemoveNodeResponse. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RemoveNodeResponse. */
        type $Shape = swarm.RemoveNodeResponse.$Properties;
    }

    /**
     * Properties of a GetTaskRequest.
     * @deprecated Use swarm.GetTaskRequest.$Properties instead.
     */
    interface IGetTaskRequest extends swarm.GetTaskRequest.$Properties {
    }

    /** Represents a GetTaskRequest. */
    class GetTaskRequest {

        /**
         * Constructs a new GetTaskRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.GetTaskRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** GetTaskRequest taskId. */
        taskId: string;

        /**
         * Creates a new GetTaskRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns GetTaskRequest instance
         */
        static create(properties: swarm.GetTaskRequest.$Shape): swarm.GetTaskRequest & swarm.GetTaskRequest.$Shape;
        static create(properties?: swarm.GetTaskRequest.$Properties): swarm.GetTaskRequest;

        /**
         * Encodes the specified GetTaskRequest message. Does not implicitly {@link swarm.GetTaskRequest.verify|verify} messages.
         * @param message GetTaskRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.GetTaskRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified GetTaskRequest message, length delimited. Does not implicitly {@link swarm.GetTaskRequest.verify|verify} messages.
         * @param message GetTaskRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.GetTaskRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a GetTaskRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.GetTaskRequest & swarm.GetTaskRequest.$Shape} GetTaskRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.GetTaskRequest & swarm.GetTaskRequest.$Shape;

        /**
         * Decodes a GetTaskRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.GetTaskRequest & swarm.GetTaskRequest.$Shape} GetTaskRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.GetTaskRequest & swarm.GetTaskRequest.$Shape;

        /**
         * Verifies a GetTaskRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a GetTaskRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns GetTaskRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.GetTaskRequest;

        /**
         * Creates a plain object from a GetTaskRequest message. Also converts values to other types if specified.
         * @param message GetTaskRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.GetTaskRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this GetTaskRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for GetTaskRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace GetTaskRequest {

        /** Properties of a GetTaskRequest. */
        interface $Properties {

            /** GetTaskRequest taskId */
            taskId?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a GetTaskRequest. */
        type $Shape = swarm.GetTaskRequest.$Properties;
    }

    /**
     * Properties of a GetTaskResponse.
     * @deprecated Use swarm.GetTaskResponse.$Properties instead.
     */
    interface IGetTaskResponse extends swarm.GetTaskResponse.$Properties {
    }

    /** Represents a GetTaskResponse. */
    class GetTaskResponse {

        /**
         * Constructs a new GetTaskResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.GetTaskResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** GetTaskResponse task. */
        task?: (swarm.Task.$Properties|null);

        /**
         * Creates a new GetTaskResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns GetTaskResponse instance
         */
        static create(properties: swarm.GetTaskResponse.$Shape): swarm.GetTaskResponse & swarm.GetTaskResponse.$Shape;
        static create(properties?: swarm.GetTaskResponse.$Properties): swarm.GetTaskResponse;

        /**
         * Encodes the specified GetTaskResponse message. Does not implicitly {@link swarm.GetTaskResponse.verify|verify} messages.
         * @param message GetTaskResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.GetTaskResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified GetTaskResponse message, length delimited. Does not implicitly {@link swarm.GetTaskResponse.verify|verify} messages.
         * @param message GetTaskResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.GetTaskResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a GetTaskResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.GetTaskResponse & swarm.GetTaskResponse.$Shape} GetTaskResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.GetTaskResponse & swarm.GetTaskResponse.$Shape;

        /**
         * Decodes a GetTaskResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.GetTaskResponse & swarm.GetTaskResponse.$Shape} GetTaskResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.GetTaskResponse & swarm.GetTaskResponse.$Shape;

        /**
         * Verifies a GetTaskResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a GetTaskResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns GetTaskResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.GetTaskResponse;

        /**
         * Creates a plain object from a GetTaskResponse message. Also converts values to other types if specified.
         * @param message GetTaskResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.GetTaskResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this GetTaskResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for GetTaskResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace GetTaskResponse {

        /** Properties of a GetTaskResponse. */
        interface $Properties {

            /** GetTaskResponse task */
            task?: (swarm.Task.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a GetTaskResponse. */
        type $Shape = swarm.GetTaskResponse.$Properties;
    }

    /**
     * Properties of a ListTasksRequest.
     * @deprecated Use swarm.ListTasksRequest.$Properties instead.
     */
    interface IListTasksRequest extends swarm.ListTasksRequest.$Properties {
    }

    /** Represents a ListTasksRequest. */
    class ListTasksRequest {

        /**
         * Constructs a new ListTasksRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ListTasksRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ListTasksRequest filters. */
        filters?: (swarm.ListTasksRequest.Filters.$Properties|null);

        /**
         * Creates a new ListTasksRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ListTasksRequest instance
         */
        static create(properties: swarm.ListTasksRequest.$Shape): swarm.ListTasksRequest & swarm.ListTasksRequest.$Shape;
        static create(properties?: swarm.ListTasksRequest.$Properties): swarm.ListTasksRequest;

        /**
         * Encodes the specified ListTasksRequest message. Does not implicitly {@link swarm.ListTasksRequest.verify|verify} messages.
         * @param message ListTasksRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ListTasksRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ListTasksRequest message, length delimited. Does not implicitly {@link swarm.ListTasksRequest.verify|verify} messages.
         * @param message ListTasksRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ListTasksRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ListTasksRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ListTasksRequest & swarm.ListTasksRequest.$Shape} ListTasksRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ListTasksRequest & swarm.ListTasksRequest.$Shape;

        /**
         * Decodes a ListTasksRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ListTasksRequest & swarm.ListTasksRequest.$Shape} ListTasksRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ListTasksRequest & swarm.ListTasksRequest.$Shape;

        /**
         * Verifies a ListTasksRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ListTasksRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ListTasksRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.ListTasksRequest;

        /**
         * Creates a plain object from a ListTasksRequest message. Also converts values to other types if specified.
         * @param message ListTasksRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ListTasksRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ListTasksRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ListTasksRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ListTasksRequest {

        /** Properties of a ListTasksRequest. */
        interface $Properties {

            /** ListTasksRequest filters */
            filters?: (swarm.ListTasksRequest.Filters.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ListTasksRequest. */
        type $Shape = swarm.ListTasksRequest.$Properties;

        /**
         * Properties of a Filters.
         * @deprecated Use swarm.ListTasksRequest.Filters.$Properties instead.
         */
        interface IFilters extends swarm.ListTasksRequest.Filters.$Properties {
        }

        /** Represents a Filters. */
        class Filters {

            /**
             * Constructs a new Filters.
             * @param [properties] Properties to set
             */
            constructor(properties?: swarm.ListTasksRequest.Filters.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Filters names. */
            names: string[];

            /** Filters idPrefixes. */
            idPrefixes: string[];

            /** Filters serviceIds. */
            serviceIds: string[];

            /** Filters nodeIds. */
            nodeIds: string[];

            /** Filters desiredStates. */
            desiredStates: swarm.TaskState[];

            /**
             * Creates a new Filters instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Filters instance
             */
            static create(properties: swarm.ListTasksRequest.Filters.$Shape): swarm.ListTasksRequest.Filters & swarm.ListTasksRequest.Filters.$Shape;
            static create(properties?: swarm.ListTasksRequest.Filters.$Properties): swarm.ListTasksRequest.Filters;

            /**
             * Encodes the specified Filters message. Does not implicitly {@link swarm.ListTasksRequest.Filters.verify|verify} messages.
             * @param message Filters message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: swarm.ListTasksRequest.Filters.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Filters message, length delimited. Does not implicitly {@link swarm.ListTasksRequest.Filters.verify|verify} messages.
             * @param message Filters message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: swarm.ListTasksRequest.Filters.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Filters message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {swarm.ListTasksRequest.Filters & swarm.ListTasksRequest.Filters.$Shape} Filters
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ListTasksRequest.Filters & swarm.ListTasksRequest.Filters.$Shape;

            /**
             * Decodes a Filters message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {swarm.ListTasksRequest.Filters & swarm.ListTasksRequest.Filters.$Shape} Filters
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ListTasksRequest.Filters & swarm.ListTasksRequest.Filters.$Shape;

            /**
             * Verifies a Filters message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Filters message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Filters
             */
            static fromObject(object: { [k: string]: any }): swarm.ListTasksRequest.Filters;

            /**
             * Creates a plain object from a Filters message. Also converts values to other types if specified.
             * @param message Filters
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: swarm.ListTasksRequest.Filters, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Filters to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Filters
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Filters {

            /** Properties of a Filters. */
            interface $Properties {

                /** Filters names */
                names?: (string[]|null);

                /** Filters idPrefixes */
                idPrefixes?: (string[]|null);

                /** Filters serviceIds */
                serviceIds?: (string[]|null);

                /** Filters nodeIds */
                nodeIds?: (string[]|null);

                /** Filters desiredStates */
                desiredStates?: (swarm.TaskState[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Filters. */
            type $Shape = swarm.ListTasksRequest.Filters.$Properties;
        }
    }

    /**
     * Properties of a ListTasksResponse.
     * @deprecated Use swarm.ListTasksResponse.$Properties instead.
     */
    interface IListTasksResponse extends swarm.ListTasksResponse.$Properties {
    }

    /** Represents a ListTasksResponse. */
    class ListTasksResponse {

        /**
         * Constructs a new ListTasksResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ListTasksResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ListTasksResponse tasks. */
        tasks: swarm.Task.$Properties[];

        /**
         * Creates a new ListTasksResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ListTasksResponse instance
         */
        static create(properties: swarm.ListTasksResponse.$Shape): swarm.ListTasksResponse & swarm.ListTasksResponse.$Shape;
        static create(properties?: swarm.ListTasksResponse.$Properties): swarm.ListTasksResponse;

        /**
         * Encodes the specified ListTasksResponse message. Does not implicitly {@link swarm.ListTasksResponse.verify|verify} messages.
         * @param message ListTasksResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ListTasksResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ListTasksResponse message, length delimited. Does not implicitly {@link swarm.ListTasksResponse.verify|verify} messages.
         * @param message ListTasksResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ListTasksResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ListTasksResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ListTasksResponse & swarm.ListTasksResponse.$Shape} ListTasksResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ListTasksResponse & swarm.ListTasksResponse.$Shape;

        /**
         * Decodes a ListTasksResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ListTasksResponse & swarm.ListTasksResponse.$Shape} ListTasksResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ListTasksResponse & swarm.ListTasksResponse.$Shape;

        /**
         * Verifies a ListTasksResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ListTasksResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ListTasksResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.ListTasksResponse;

        /**
         * Creates a plain object from a ListTasksResponse message. Also converts values to other types if specified.
         * @param message ListTasksResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ListTasksResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ListTasksResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ListTasksResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ListTasksResponse {

        /** Properties of a ListTasksResponse. */
        interface $Properties {

            /** ListTasksResponse tasks */
            tasks?: (swarm.Task.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ListTasksResponse. */
        type $Shape = swarm.ListTasksResponse.$Properties;
    }

    /**
     * Properties of a RemoveTaskRequest.
     * @deprecated Use swarm.RemoveTaskRequest.$Properties instead.
     */
    interface IRemoveTaskRequest extends swarm.RemoveTaskRequest.$Properties {
    }

    /** Represents a RemoveTaskRequest. */
    class RemoveTaskRequest {

        /**
         * Constructs a new RemoveTaskRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.RemoveTaskRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RemoveTaskRequest taskId. */
        taskId: string;

        /**
         * Creates a new RemoveTaskRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RemoveTaskRequest instance
         */
        static create(properties: swarm.RemoveTaskRequest.$Shape): swarm.RemoveTaskRequest & swarm.RemoveTaskRequest.$Shape;
        static create(properties?: swarm.RemoveTaskRequest.$Properties): swarm.RemoveTaskRequest;

        /**
         * Encodes the specified RemoveTaskRequest message. Does not implicitly {@link swarm.RemoveTaskRequest.verify|verify} messages.
         * @param message RemoveTaskRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.RemoveTaskRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified RemoveTaskRequest message, length delimited. Does not implicitly {@link swarm.RemoveTaskRequest.verify|verify} messages.
         * @param message RemoveTaskRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.RemoveTaskRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RemoveTaskRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.RemoveTaskRequest & swarm.RemoveTaskRequest.$Shape} RemoveTaskRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.RemoveTaskRequest & swarm.RemoveTaskRequest.$Shape;

        /**
         * Decodes a RemoveTaskRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.RemoveTaskRequest & swarm.RemoveTaskRequest.$Shape} RemoveTaskRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.RemoveTaskRequest & swarm.RemoveTaskRequest.$Shape;

        /**
         * Verifies a RemoveTaskRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a RemoveTaskRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns RemoveTaskRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.RemoveTaskRequest;

        /**
         * Creates a plain object from a RemoveTaskRequest message. Also converts values to other types if specified.
         * @param message RemoveTaskRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.RemoveTaskRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this RemoveTaskRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for RemoveTaskRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace RemoveTaskRequest {

        /** Properties of a RemoveTaskRequest. */
        interface $Properties {

            /** RemoveTaskRequest taskId */
            taskId?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RemoveTaskRequest. */
        type $Shape = swarm.RemoveTaskRequest.$Properties;
    }

    /**
     * Properties of a RemoveTaskResponse.
     * @deprecated Use swarm.RemoveTaskResponse.$Properties instead.
     */
    interface IRemoveTaskResponse extends swarm.RemoveTaskResponse.$Properties {
    }

    /** Represents a RemoveTaskResponse. */
    class RemoveTaskResponse {

        /**
         * Constructs a new RemoveTaskResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.RemoveTaskResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new RemoveTaskResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RemoveTaskResponse instance
         */
        static create(properties: swarm.RemoveTaskResponse.$Shape): swarm.RemoveTaskResponse & swarm.RemoveTaskResponse.$Shape;
        static create(properties?: swarm.RemoveTaskResponse.$Properties): swarm.RemoveTaskResponse;

        /**
         * Encodes the specified RemoveTaskResponse message. Does not implicitly {@link swarm.RemoveTaskResponse.verify|verify} messages.
         * @param message RemoveTaskResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.RemoveTaskResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified RemoveTaskResponse message, length delimited. Does not implicitly {@link swarm.RemoveTaskResponse.verify|verify} messages.
         * @param message RemoveTaskResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.RemoveTaskResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RemoveTaskResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.RemoveTaskResponse & swarm.RemoveTaskResponse.$Shape} RemoveTaskResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.RemoveTaskResponse & swarm.RemoveTaskResponse.$Shape;

        /**
         * Decodes a RemoveTaskResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.RemoveTaskResponse & swarm.RemoveTaskResponse.$Shape} RemoveTaskResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.RemoveTaskResponse & swarm.RemoveTaskResponse.$Shape;

        /**
         * Verifies a RemoveTaskResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a RemoveTaskResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns RemoveTaskResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.RemoveTaskResponse;

        /**
         * Creates a plain object from a RemoveTaskResponse message. Also converts values to other types if specified.
         * @param message RemoveTaskResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.RemoveTaskResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this RemoveTaskResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for RemoveTaskResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace RemoveTaskResponse {

        /** Properties of a RemoveTaskResponse. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RemoveTaskResponse. */
        type $Shape = swarm.RemoveTaskResponse.$Properties;
    }

    /**
     * Properties of a CreateServiceRequest.
     * @deprecated Use swarm.CreateServiceRequest.$Properties instead.
     */
    interface ICreateServiceRequest extends swarm.CreateServiceRequest.$Properties {
    }

    /** Represents a CreateServiceRequest. */
    class CreateServiceRequest {

        /**
         * Constructs a new CreateServiceRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.CreateServiceRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CreateServiceRequest spec. */
        spec?: (swarm.ServiceSpec.$Properties|null);

        /**
         * Creates a new CreateServiceRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CreateServiceRequest instance
         */
        static create(properties: swarm.CreateServiceRequest.$Shape): swarm.CreateServiceRequest & swarm.CreateServiceRequest.$Shape;
        static create(properties?: swarm.CreateServiceRequest.$Properties): swarm.CreateServiceRequest;

        /**
         * Encodes the specified CreateServiceRequest message. Does not implicitly {@link swarm.CreateServiceRequest.verify|verify} messages.
         * @param message CreateServiceRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.CreateServiceRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified CreateServiceRequest message, length delimited. Does not implicitly {@link swarm.CreateServiceRequest.verify|verify} messages.
         * @param message CreateServiceRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.CreateServiceRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CreateServiceRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.CreateServiceRequest & swarm.CreateServiceRequest.$Shape} CreateServiceRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.CreateServiceRequest & swarm.CreateServiceRequest.$Shape;

        /**
         * Decodes a CreateServiceRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.CreateServiceRequest & swarm.CreateServiceRequest.$Shape} CreateServiceRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.CreateServiceRequest & swarm.CreateServiceRequest.$Shape;

        /**
         * Verifies a CreateServiceRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a CreateServiceRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns CreateServiceRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.CreateServiceRequest;

        /**
         * Creates a plain object from a CreateServiceRequest message. Also converts values to other types if specified.
         * @param message CreateServiceRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.CreateServiceRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this CreateServiceRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for CreateServiceRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace CreateServiceRequest {

        /** Properties of a CreateServiceRequest. */
        interface $Properties {

            /** CreateServiceRequest spec */
            spec?: (swarm.ServiceSpec.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CreateServiceRequest. */
        type $Shape = {
          spec?: swarm.ServiceSpec.$Shape|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of a CreateServiceResponse.
     * @deprecated Use swarm.CreateServiceResponse.$Properties instead.
     */
    interface ICreateServiceResponse extends swarm.CreateServiceResponse.$Properties {
    }

    /** Represents a CreateServiceResponse. */
    class CreateServiceResponse {

        /**
         * Constructs a new CreateServiceResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.CreateServiceResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CreateServiceResponse service. */
        service?: (swarm.Service.$Properties|null);

        /**
         * Creates a new CreateServiceResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CreateServiceResponse instance
         */
        static create(properties: swarm.CreateServiceResponse.$Shape): swarm.CreateServiceResponse & swarm.CreateServiceResponse.$Shape;
        static create(properties?: swarm.CreateServiceResponse.$Properties): swarm.CreateServiceResponse;

        /**
         * Encodes the specified CreateServiceResponse message. Does not implicitly {@link swarm.CreateServiceResponse.verify|verify} messages.
         * @param message CreateServiceResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.CreateServiceResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified CreateServiceResponse message, length delimited. Does not implicitly {@link swarm.CreateServiceResponse.verify|verify} messages.
         * @param message CreateServiceResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.CreateServiceResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CreateServiceResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.CreateServiceResponse & swarm.CreateServiceResponse.$Shape} CreateServiceResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.CreateServiceResponse & swarm.CreateServiceResponse.$Shape;

        /**
         * Decodes a CreateServiceResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.CreateServiceResponse & swarm.CreateServiceResponse.$Shape} CreateServiceResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.CreateServiceResponse & swarm.CreateServiceResponse.$Shape;

        /**
         * Verifies a CreateServiceResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a CreateServiceResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns CreateServiceResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.CreateServiceResponse;

        /**
         * Creates a plain object from a CreateServiceResponse message. Also converts values to other types if specified.
         * @param message CreateServiceResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.CreateServiceResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this CreateServiceResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for CreateServiceResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace CreateServiceResponse {

        /** Properties of a CreateServiceResponse. */
        interface $Properties {

            /** CreateServiceResponse service */
            service?: (swarm.Service.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CreateServiceResponse. */
        type $Shape = {
          service?: swarm.Service.$Shape|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of a GetServiceRequest.
     * @deprecated Use swarm.GetServiceRequest.$Properties instead.
     */
    interface IGetServiceRequest extends swarm.GetServiceRequest.$Properties {
    }

    /** Represents a GetServiceRequest. */
    class GetServiceRequest {

        /**
         * Constructs a new GetServiceRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.GetServiceRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** GetServiceRequest serviceId. */
        serviceId: string;

        /**
         * Creates a new GetServiceRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns GetServiceRequest instance
         */
        static create(properties: swarm.GetServiceRequest.$Shape): swarm.GetServiceRequest & swarm.GetServiceRequest.$Shape;
        static create(properties?: swarm.GetServiceRequest.$Properties): swarm.GetServiceRequest;

        /**
         * Encodes the specified GetServiceRequest message. Does not implicitly {@link swarm.GetServiceRequest.verify|verify} messages.
         * @param message GetServiceRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.GetServiceRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified GetServiceRequest message, length delimited. Does not implicitly {@link swarm.GetServiceRequest.verify|verify} messages.
         * @param message GetServiceRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.GetServiceRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a GetServiceRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.GetServiceRequest & swarm.GetServiceRequest.$Shape} GetServiceRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.GetServiceRequest & swarm.GetServiceRequest.$Shape;

        /**
         * Decodes a GetServiceRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.GetServiceRequest & swarm.GetServiceRequest.$Shape} GetServiceRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.GetServiceRequest & swarm.GetServiceRequest.$Shape;

        /**
         * Verifies a GetServiceRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a GetServiceRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns GetServiceRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.GetServiceRequest;

        /**
         * Creates a plain object from a GetServiceRequest message. Also converts values to other types if specified.
         * @param message GetServiceRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.GetServiceRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this GetServiceRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for GetServiceRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace GetServiceRequest {

        /** Properties of a GetServiceRequest. */
        interface $Properties {

            /** GetServiceRequest serviceId */
            serviceId?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a GetServiceRequest. */
        type $Shape = swarm.GetServiceRequest.$Properties;
    }

    /**
     * Properties of a GetServiceResponse.
     * @deprecated Use swarm.GetServiceResponse.$Properties instead.
     */
    interface IGetServiceResponse extends swarm.GetServiceResponse.$Properties {
    }

    /** Represents a GetServiceResponse. */
    class GetServiceResponse {

        /**
         * Constructs a new GetServiceResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.GetServiceResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** GetServiceResponse service. */
        service?: (swarm.Service.$Properties|null);

        /**
         * Creates a new GetServiceResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns GetServiceResponse instance
         */
        static create(properties: swarm.GetServiceResponse.$Shape): swarm.GetServiceResponse & swarm.GetServiceResponse.$Shape;
        static create(properties?: swarm.GetServiceResponse.$Properties): swarm.GetServiceResponse;

        /**
         * Encodes the specified GetServiceResponse message. Does not implicitly {@link swarm.GetServiceResponse.verify|verify} messages.
         * @param message GetServiceResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.GetServiceResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified GetServiceResponse message, length delimited. Does not implicitly {@link swarm.GetServiceResponse.verify|verify} messages.
         * @param message GetServiceResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.GetServiceResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a GetServiceResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.GetServiceResponse & swarm.GetServiceResponse.$Shape} GetServiceResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.GetServiceResponse & swarm.GetServiceResponse.$Shape;

        /**
         * Decodes a GetServiceResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.GetServiceResponse & swarm.GetServiceResponse.$Shape} GetServiceResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.GetServiceResponse & swarm.GetServiceResponse.$Shape;

        /**
         * Verifies a GetServiceResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a GetServiceResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns GetServiceResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.GetServiceResponse;

        /**
         * Creates a plain object from a GetServiceResponse message. Also converts values to other types if specified.
         * @param message GetServiceResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.GetServiceResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this GetServiceResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for GetServiceResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace GetServiceResponse {

        /** Properties of a GetServiceResponse. */
        interface $Properties {

            /** GetServiceResponse service */
            service?: (swarm.Service.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a GetServiceResponse. */
        type $Shape = {
          service?: swarm.Service.$Shape|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of a ListServicesRequest.
     * @deprecated Use swarm.ListServicesRequest.$Properties instead.
     */
    interface IListServicesRequest extends swarm.ListServicesRequest.$Properties {
    }

    /** Represents a ListServicesRequest. */
    class ListServicesRequest {

        /**
         * Constructs a new ListServicesRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ListServicesRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ListServicesRequest filters. */
        filters?: (swarm.ListServicesRequest.Filters.$Properties|null);

        /**
         * Creates a new ListServicesRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ListServicesRequest instance
         */
        static create(properties: swarm.ListServicesRequest.$Shape): swarm.ListServicesRequest & swarm.ListServicesRequest.$Shape;
        static create(properties?: swarm.ListServicesRequest.$Properties): swarm.ListServicesRequest;

        /**
         * Encodes the specified ListServicesRequest message. Does not implicitly {@link swarm.ListServicesRequest.verify|verify} messages.
         * @param message ListServicesRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ListServicesRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ListServicesRequest message, length delimited. Does not implicitly {@link swarm.ListServicesRequest.verify|verify} messages.
         * @param message ListServicesRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ListServicesRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ListServicesRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ListServicesRequest & swarm.ListServicesRequest.$Shape} ListServicesRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ListServicesRequest & swarm.ListServicesRequest.$Shape;

        /**
         * Decodes a ListServicesRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ListServicesRequest & swarm.ListServicesRequest.$Shape} ListServicesRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ListServicesRequest & swarm.ListServicesRequest.$Shape;

        /**
         * Verifies a ListServicesRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ListServicesRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ListServicesRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.ListServicesRequest;

        /**
         * Creates a plain object from a ListServicesRequest message. Also converts values to other types if specified.
         * @param message ListServicesRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ListServicesRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ListServicesRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ListServicesRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ListServicesRequest {

        /** Properties of a ListServicesRequest. */
        interface $Properties {

            /** ListServicesRequest filters */
            filters?: (swarm.ListServicesRequest.Filters.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ListServicesRequest. */
        type $Shape = swarm.ListServicesRequest.$Properties;

        /**
         * Properties of a Filters.
         * @deprecated Use swarm.ListServicesRequest.Filters.$Properties instead.
         */
        interface IFilters extends swarm.ListServicesRequest.Filters.$Properties {
        }

        /** Represents a Filters. */
        class Filters {

            /**
             * Constructs a new Filters.
             * @param [properties] Properties to set
             */
            constructor(properties?: swarm.ListServicesRequest.Filters.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Filters names. */
            names: string[];

            /** Filters idPrefixes. */
            idPrefixes: string[];

            /** Filters labels. */
            labels: { [k: string]: string };

            /**
             * Creates a new Filters instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Filters instance
             */
            static create(properties: swarm.ListServicesRequest.Filters.$Shape): swarm.ListServicesRequest.Filters & swarm.ListServicesRequest.Filters.$Shape;
            static create(properties?: swarm.ListServicesRequest.Filters.$Properties): swarm.ListServicesRequest.Filters;

            /**
             * Encodes the specified Filters message. Does not implicitly {@link swarm.ListServicesRequest.Filters.verify|verify} messages.
             * @param message Filters message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: swarm.ListServicesRequest.Filters.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Filters message, length delimited. Does not implicitly {@link swarm.ListServicesRequest.Filters.verify|verify} messages.
             * @param message Filters message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: swarm.ListServicesRequest.Filters.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Filters message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {swarm.ListServicesRequest.Filters & swarm.ListServicesRequest.Filters.$Shape} Filters
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ListServicesRequest.Filters & swarm.ListServicesRequest.Filters.$Shape;

            /**
             * Decodes a Filters message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {swarm.ListServicesRequest.Filters & swarm.ListServicesRequest.Filters.$Shape} Filters
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ListServicesRequest.Filters & swarm.ListServicesRequest.Filters.$Shape;

            /**
             * Verifies a Filters message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Filters message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Filters
             */
            static fromObject(object: { [k: string]: any }): swarm.ListServicesRequest.Filters;

            /**
             * Creates a plain object from a Filters message. Also converts values to other types if specified.
             * @param message Filters
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: swarm.ListServicesRequest.Filters, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Filters to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Filters
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Filters {

            /** Properties of a Filters. */
            interface $Properties {

                /** Filters names */
                names?: (string[]|null);

                /** Filters idPrefixes */
                idPrefixes?: (string[]|null);

                /** Filters labels */
                labels?: ({ [k: string]: string }|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Filters. */
            type $Shape = swarm.ListServicesRequest.Filters.$Properties;
        }
    }

    /**
     * Properties of a ListServicesResponse.
     * @deprecated Use swarm.ListServicesResponse.$Properties instead.
     */
    interface IListServicesResponse extends swarm.ListServicesResponse.$Properties {
    }

    /** Represents a ListServicesResponse. */
    class ListServicesResponse {

        /**
         * Constructs a new ListServicesResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ListServicesResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ListServicesResponse services. */
        services: swarm.Service.$Properties[];

        /**
         * Creates a new ListServicesResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ListServicesResponse instance
         */
        static create(properties: swarm.ListServicesResponse.$Shape): swarm.ListServicesResponse & swarm.ListServicesResponse.$Shape;
        static create(properties?: swarm.ListServicesResponse.$Properties): swarm.ListServicesResponse;

        /**
         * Encodes the specified ListServicesResponse message. Does not implicitly {@link swarm.ListServicesResponse.verify|verify} messages.
         * @param message ListServicesResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ListServicesResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ListServicesResponse message, length delimited. Does not implicitly {@link swarm.ListServicesResponse.verify|verify} messages.
         * @param message ListServicesResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ListServicesResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ListServicesResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ListServicesResponse & swarm.ListServicesResponse.$Shape} ListServicesResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ListServicesResponse & swarm.ListServicesResponse.$Shape;

        /**
         * Decodes a ListServicesResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ListServicesResponse & swarm.ListServicesResponse.$Shape} ListServicesResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ListServicesResponse & swarm.ListServicesResponse.$Shape;

        /**
         * Verifies a ListServicesResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ListServicesResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ListServicesResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.ListServicesResponse;

        /**
         * Creates a plain object from a ListServicesResponse message. Also converts values to other types if specified.
         * @param message ListServicesResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ListServicesResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ListServicesResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ListServicesResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ListServicesResponse {

        /** Properties of a ListServicesResponse. */
        interface $Properties {

            /** ListServicesResponse services */
            services?: (swarm.Service.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ListServicesResponse. */
        type $Shape = {
          services?: swarm.Service.$Shape[]|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of an UpdateServiceRequest.
     * @deprecated Use swarm.UpdateServiceRequest.$Properties instead.
     */
    interface IUpdateServiceRequest extends swarm.UpdateServiceRequest.$Properties {
    }

    /** Represents an UpdateServiceRequest. */
    class UpdateServiceRequest {

        /**
         * Constructs a new UpdateServiceRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.UpdateServiceRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** UpdateServiceRequest serviceId. */
        serviceId: string;

        /** UpdateServiceRequest serviceVersion. */
        serviceVersion?: (swarm.Version.$Properties|null);

        /** UpdateServiceRequest spec. */
        spec?: (swarm.ServiceSpec.$Properties|null);

        /** UpdateServiceRequest rollback. */
        rollback: boolean;

        /**
         * Creates a new UpdateServiceRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns UpdateServiceRequest instance
         */
        static create(properties: swarm.UpdateServiceRequest.$Shape): swarm.UpdateServiceRequest & swarm.UpdateServiceRequest.$Shape;
        static create(properties?: swarm.UpdateServiceRequest.$Properties): swarm.UpdateServiceRequest;

        /**
         * Encodes the specified UpdateServiceRequest message. Does not implicitly {@link swarm.UpdateServiceRequest.verify|verify} messages.
         * @param message UpdateServiceRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.UpdateServiceRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified UpdateServiceRequest message, length delimited. Does not implicitly {@link swarm.UpdateServiceRequest.verify|verify} messages.
         * @param message UpdateServiceRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.UpdateServiceRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an UpdateServiceRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.UpdateServiceRequest & swarm.UpdateServiceRequest.$Shape} UpdateServiceRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.UpdateServiceRequest & swarm.UpdateServiceRequest.$Shape;

        /**
         * Decodes an UpdateServiceRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.UpdateServiceRequest & swarm.UpdateServiceRequest.$Shape} UpdateServiceRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.UpdateServiceRequest & swarm.UpdateServiceRequest.$Shape;

        /**
         * Verifies an UpdateServiceRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an UpdateServiceRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns UpdateServiceRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.UpdateServiceRequest;

        /**
         * Creates a plain object from an UpdateServiceRequest message. Also converts values to other types if specified.
         * @param message UpdateServiceRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.UpdateServiceRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this UpdateServiceRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for UpdateServiceRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace UpdateServiceRequest {

        /** Properties of an UpdateServiceRequest. */
        interface $Properties {

            /** UpdateServiceRequest serviceId */
            serviceId?: (string|null);

            /** UpdateServiceRequest serviceVersion */
            serviceVersion?: (swarm.Version.$Properties|null);

            /** UpdateServiceRequest spec */
            spec?: (swarm.ServiceSpec.$Properties|null);

            /** UpdateServiceRequest rollback */
            rollback?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an UpdateServiceRequest. */
        type $Shape = {
          serviceId?: string|null;
          serviceVersion?: swarm.Version.$Shape|null;
          spec?: swarm.ServiceSpec.$Shape|null;
          rollback?: boolean|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of an UpdateServiceResponse.
     * @deprecated Use swarm.UpdateServiceResponse.$Properties instead.
     */
    interface IUpdateServiceResponse extends swarm.UpdateServiceResponse.$Properties {
    }

    /** Represents an UpdateServiceResponse. */
    class UpdateServiceResponse {

        /**
         * Constructs a new UpdateServiceResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.UpdateServiceResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** UpdateServiceResponse service. */
        service?: (swarm.Service.$Properties|null);

        /**
         * Creates a new UpdateServiceResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns UpdateServiceResponse instance
         */
        static create(properties: swarm.UpdateServiceResponse.$Shape): swarm.UpdateServiceResponse & swarm.UpdateServiceResponse.$Shape;
        static create(properties?: swarm.UpdateServiceResponse.$Properties): swarm.UpdateServiceResponse;

        /**
         * Encodes the specified UpdateServiceResponse message. Does not implicitly {@link swarm.UpdateServiceResponse.verify|verify} messages.
         * @param message UpdateServiceResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.UpdateServiceResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified UpdateServiceResponse message, length delimited. Does not implicitly {@link swarm.UpdateServiceResponse.verify|verify} messages.
         * @param message UpdateServiceResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.UpdateServiceResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an UpdateServiceResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.UpdateServiceResponse & swarm.UpdateServiceResponse.$Shape} UpdateServiceResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.UpdateServiceResponse & swarm.UpdateServiceResponse.$Shape;

        /**
         * Decodes an UpdateServiceResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.UpdateServiceResponse & swarm.UpdateServiceResponse.$Shape} UpdateServiceResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.UpdateServiceResponse & swarm.UpdateServiceResponse.$Shape;

        /**
         * Verifies an UpdateServiceResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an UpdateServiceResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns UpdateServiceResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.UpdateServiceResponse;

        /**
         * Creates a plain object from an UpdateServiceResponse message. Also converts values to other types if specified.
         * @param message UpdateServiceResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.UpdateServiceResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this UpdateServiceResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for UpdateServiceResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace UpdateServiceResponse {

        /** Properties of an UpdateServiceResponse. */
        interface $Properties {

            /** UpdateServiceResponse service */
            service?: (swarm.Service.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an UpdateServiceResponse. */
        type $Shape = {
          service?: swarm.Service.$Shape|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of a RemoveServiceRequest.
     * @deprecated Use swarm.RemoveServiceRequest.$Properties instead.
     */
    interface IRemoveServiceRequest extends swarm.RemoveServiceRequest.$Properties {
    }

    /** Represents a RemoveServiceRequest. */
    class RemoveServiceRequest {

        /**
         * Constructs a new RemoveServiceRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.RemoveServiceRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RemoveServiceRequest serviceId. */
        serviceId: string;

        /**
         * Creates a new RemoveServiceRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RemoveServiceRequest instance
         */
        static create(properties: swarm.RemoveServiceRequest.$Shape): swarm.RemoveServiceRequest & swarm.RemoveServiceRequest.$Shape;
        static create(properties?: swarm.RemoveServiceRequest.$Properties): swarm.RemoveServiceRequest;

        /**
         * Encodes the specified RemoveServiceRequest message. Does not implicitly {@link swarm.RemoveServiceRequest.verify|verify} messages.
         * @param message RemoveServiceRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.RemoveServiceRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified RemoveServiceRequest message, length delimited. Does not implicitly {@link swarm.RemoveServiceRequest.verify|verify} messages.
         * @param message RemoveServiceRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.RemoveServiceRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RemoveServiceRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.RemoveServiceRequest & swarm.RemoveServiceRequest.$Shape} RemoveServiceRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.RemoveServiceRequest & swarm.RemoveServiceRequest.$Shape;

        /**
         * Decodes a RemoveServiceRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.RemoveServiceRequest & swarm.RemoveServiceRequest.$Shape} RemoveServiceRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.RemoveServiceRequest & swarm.RemoveServiceRequest.$Shape;

        /**
         * Verifies a RemoveServiceRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a RemoveServiceRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns RemoveServiceRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.RemoveServiceRequest;

        /**
         * Creates a plain object from a RemoveServiceRequest message. Also converts values to other types if specified.
         * @param message RemoveServiceRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.RemoveServiceRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this RemoveServiceRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for RemoveServiceRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace RemoveServiceRequest {

        /** Properties of a RemoveServiceRequest. */
        interface $Properties {

            /** RemoveServiceRequest serviceId */
            serviceId?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RemoveServiceRequest. */
        type $Shape = swarm.RemoveServiceRequest.$Properties;
    }

    /**
     * Properties of a RemoveServiceResponse.
     * @deprecated Use swarm.RemoveServiceResponse.$Properties instead.
     */
    interface IRemoveServiceResponse extends swarm.RemoveServiceResponse.$Properties {
    }

    /** Represents a RemoveServiceResponse. */
    class RemoveServiceResponse {

        /**
         * Constructs a new RemoveServiceResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.RemoveServiceResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new RemoveServiceResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RemoveServiceResponse instance
         */
        static create(properties: swarm.RemoveServiceResponse.$Shape): swarm.RemoveServiceResponse & swarm.RemoveServiceResponse.$Shape;
        static create(properties?: swarm.RemoveServiceResponse.$Properties): swarm.RemoveServiceResponse;

        /**
         * Encodes the specified RemoveServiceResponse message. Does not implicitly {@link swarm.RemoveServiceResponse.verify|verify} messages.
         * @param message RemoveServiceResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.RemoveServiceResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified RemoveServiceResponse message, length delimited. Does not implicitly {@link swarm.RemoveServiceResponse.verify|verify} messages.
         * @param message RemoveServiceResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.RemoveServiceResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RemoveServiceResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.RemoveServiceResponse & swarm.RemoveServiceResponse.$Shape} RemoveServiceResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.RemoveServiceResponse & swarm.RemoveServiceResponse.$Shape;

        /**
         * Decodes a RemoveServiceResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.RemoveServiceResponse & swarm.RemoveServiceResponse.$Shape} RemoveServiceResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.RemoveServiceResponse & swarm.RemoveServiceResponse.$Shape;

        /**
         * Verifies a RemoveServiceResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a RemoveServiceResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns RemoveServiceResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.RemoveServiceResponse;

        /**
         * Creates a plain object from a RemoveServiceResponse message. Also converts values to other types if specified.
         * @param message RemoveServiceResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.RemoveServiceResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this RemoveServiceResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for RemoveServiceResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace RemoveServiceResponse {

        /** Properties of a RemoveServiceResponse. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RemoveServiceResponse. */
        type $Shape = swarm.RemoveServiceResponse.$Properties;
    }

    /**
     * Properties of a CreateSecretRequest.
     * @deprecated Use swarm.CreateSecretRequest.$Properties instead.
     */
    interface ICreateSecretRequest extends swarm.CreateSecretRequest.$Properties {
    }

    /** Represents a CreateSecretRequest. */
    class CreateSecretRequest {

        /**
         * Constructs a new CreateSecretRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.CreateSecretRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CreateSecretRequest spec. */
        spec?: (swarm.SecretSpec.$Properties|null);

        /**
         * Creates a new CreateSecretRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CreateSecretRequest instance
         */
        static create(properties: swarm.CreateSecretRequest.$Shape): swarm.CreateSecretRequest & swarm.CreateSecretRequest.$Shape;
        static create(properties?: swarm.CreateSecretRequest.$Properties): swarm.CreateSecretRequest;

        /**
         * Encodes the specified CreateSecretRequest message. Does not implicitly {@link swarm.CreateSecretRequest.verify|verify} messages.
         * @param message CreateSecretRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.CreateSecretRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified CreateSecretRequest message, length delimited. Does not implicitly {@link swarm.CreateSecretRequest.verify|verify} messages.
         * @param message CreateSecretRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.CreateSecretRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CreateSecretRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.CreateSecretRequest & swarm.CreateSecretRequest.$Shape} CreateSecretRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.CreateSecretRequest & swarm.CreateSecretRequest.$Shape;

        /**
         * Decodes a CreateSecretRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.CreateSecretRequest & swarm.CreateSecretRequest.$Shape} CreateSecretRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.CreateSecretRequest & swarm.CreateSecretRequest.$Shape;

        /**
         * Verifies a CreateSecretRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a CreateSecretRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns CreateSecretRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.CreateSecretRequest;

        /**
         * Creates a plain object from a CreateSecretRequest message. Also converts values to other types if specified.
         * @param message CreateSecretRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.CreateSecretRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this CreateSecretRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for CreateSecretRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace CreateSecretRequest {

        /** Properties of a CreateSecretRequest. */
        interface $Properties {

            /** CreateSecretRequest spec */
            spec?: (swarm.SecretSpec.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CreateSecretRequest. */
        type $Shape = swarm.CreateSecretRequest.$Properties;
    }

    /**
     * Properties of a CreateSecretResponse.
     * @deprecated Use swarm.CreateSecretResponse.$Properties instead.
     */
    interface ICreateSecretResponse extends swarm.CreateSecretResponse.$Properties {
    }

    /** Represents a CreateSecretResponse. */
    class CreateSecretResponse {

        /**
         * Constructs a new CreateSecretResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.CreateSecretResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CreateSecretResponse secret. */
        secret?: (swarm.Secret.$Properties|null);

        /**
         * Creates a new CreateSecretResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CreateSecretResponse instance
         */
        static create(properties: swarm.CreateSecretResponse.$Shape): swarm.CreateSecretResponse & swarm.CreateSecretResponse.$Shape;
        static create(properties?: swarm.CreateSecretResponse.$Properties): swarm.CreateSecretResponse;

        /**
         * Encodes the specified CreateSecretResponse message. Does not implicitly {@link swarm.CreateSecretResponse.verify|verify} messages.
         * @param message CreateSecretResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.CreateSecretResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified CreateSecretResponse message, length delimited. Does not implicitly {@link swarm.CreateSecretResponse.verify|verify} messages.
         * @param message CreateSecretResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.CreateSecretResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CreateSecretResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.CreateSecretResponse & swarm.CreateSecretResponse.$Shape} CreateSecretResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.CreateSecretResponse & swarm.CreateSecretResponse.$Shape;

        /**
         * Decodes a CreateSecretResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.CreateSecretResponse & swarm.CreateSecretResponse.$Shape} CreateSecretResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.CreateSecretResponse & swarm.CreateSecretResponse.$Shape;

        /**
         * Verifies a CreateSecretResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a CreateSecretResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns CreateSecretResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.CreateSecretResponse;

        /**
         * Creates a plain object from a CreateSecretResponse message. Also converts values to other types if specified.
         * @param message CreateSecretResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.CreateSecretResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this CreateSecretResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for CreateSecretResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace CreateSecretResponse {

        /** Properties of a CreateSecretResponse. */
        interface $Properties {

            /** CreateSecretResponse secret */
            secret?: (swarm.Secret.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CreateSecretResponse. */
        type $Shape = swarm.CreateSecretResponse.$Properties;
    }

    /**
     * Properties of a GetSecretRequest.
     * @deprecated Use swarm.GetSecretRequest.$Properties instead.
     */
    interface IGetSecretRequest extends swarm.GetSecretRequest.$Properties {
    }

    /** Represents a GetSecretRequest. */
    class GetSecretRequest {

        /**
         * Constructs a new GetSecretRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.GetSecretRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** GetSecretRequest secretId. */
        secretId: string;

        /**
         * Creates a new GetSecretRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns GetSecretRequest instance
         */
        static create(properties: swarm.GetSecretRequest.$Shape): swarm.GetSecretRequest & swarm.GetSecretRequest.$Shape;
        static create(properties?: swarm.GetSecretRequest.$Properties): swarm.GetSecretRequest;

        /**
         * Encodes the specified GetSecretRequest message. Does not implicitly {@link swarm.GetSecretRequest.verify|verify} messages.
         * @param message GetSecretRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.GetSecretRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified GetSecretRequest message, length delimited. Does not implicitly {@link swarm.GetSecretRequest.verify|verify} messages.
         * @param message GetSecretRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.GetSecretRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a GetSecretRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.GetSecretRequest & swarm.GetSecretRequest.$Shape} GetSecretRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.GetSecretRequest & swarm.GetSecretRequest.$Shape;

        /**
         * Decodes a GetSecretRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.GetSecretRequest & swarm.GetSecretRequest.$Shape} GetSecretRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.GetSecretRequest & swarm.GetSecretRequest.$Shape;

        /**
         * Verifies a GetSecretRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a GetSecretRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns GetSecretRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.GetSecretRequest;

        /**
         * Creates a plain object from a GetSecretRequest message. Also converts values to other types if specified.
         * @param message GetSecretRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.GetSecretRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this GetSecretRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for GetSecretRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace GetSecretRequest {

        /** Properties of a GetSecretRequest. */
        interface $Properties {

            /** GetSecretRequest secretId */
            secretId?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a GetSecretRequest. */
        type $Shape = swarm.GetSecretRequest.$Properties;
    }

    /**
     * Properties of a GetSecretResponse.
     * @deprecated Use swarm.GetSecretResponse.$Properties instead.
     */
    interface IGetSecretResponse extends swarm.GetSecretResponse.$Properties {
    }

    /** Represents a GetSecretResponse. */
    class GetSecretResponse {

        /**
         * Constructs a new GetSecretResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.GetSecretResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** GetSecretResponse secret. */
        secret?: (swarm.Secret.$Properties|null);

        /**
         * Creates a new GetSecretResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns GetSecretResponse instance
         */
        static create(properties: swarm.GetSecretResponse.$Shape): swarm.GetSecretResponse & swarm.GetSecretResponse.$Shape;
        static create(properties?: swarm.GetSecretResponse.$Properties): swarm.GetSecretResponse;

        /**
         * Encodes the specified GetSecretResponse message. Does not implicitly {@link swarm.GetSecretResponse.verify|verify} messages.
         * @param message GetSecretResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.GetSecretResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified GetSecretResponse message, length delimited. Does not implicitly {@link swarm.GetSecretResponse.verify|verify} messages.
         * @param message GetSecretResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.GetSecretResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a GetSecretResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.GetSecretResponse & swarm.GetSecretResponse.$Shape} GetSecretResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.GetSecretResponse & swarm.GetSecretResponse.$Shape;

        /**
         * Decodes a GetSecretResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.GetSecretResponse & swarm.GetSecretResponse.$Shape} GetSecretResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.GetSecretResponse & swarm.GetSecretResponse.$Shape;

        /**
         * Verifies a GetSecretResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a GetSecretResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns GetSecretResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.GetSecretResponse;

        /**
         * Creates a plain object from a GetSecretResponse message. Also converts values to other types if specified.
         * @param message GetSecretResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.GetSecretResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this GetSecretResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for GetSecretResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace GetSecretResponse {

        /** Properties of a GetSecretResponse. */
        interface $Properties {

            /** GetSecretResponse secret */
            secret?: (swarm.Secret.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a GetSecretResponse. */
        type $Shape = swarm.GetSecretResponse.$Properties;
    }

    /**
     * Properties of a ListSecretsRequest.
     * @deprecated Use swarm.ListSecretsRequest.$Properties instead.
     */
    interface IListSecretsRequest extends swarm.ListSecretsRequest.$Properties {
    }

    /** Represents a ListSecretsRequest. */
    class ListSecretsRequest {

        /**
         * Constructs a new ListSecretsRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ListSecretsRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ListSecretsRequest filters. */
        filters?: (swarm.ListSecretsRequest.Filters.$Properties|null);

        /**
         * Creates a new ListSecretsRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ListSecretsRequest instance
         */
        static create(properties: swarm.ListSecretsRequest.$Shape): swarm.ListSecretsRequest & swarm.ListSecretsRequest.$Shape;
        static create(properties?: swarm.ListSecretsRequest.$Properties): swarm.ListSecretsRequest;

        /**
         * Encodes the specified ListSecretsRequest message. Does not implicitly {@link swarm.ListSecretsRequest.verify|verify} messages.
         * @param message ListSecretsRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ListSecretsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ListSecretsRequest message, length delimited. Does not implicitly {@link swarm.ListSecretsRequest.verify|verify} messages.
         * @param message ListSecretsRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ListSecretsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ListSecretsRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ListSecretsRequest & swarm.ListSecretsRequest.$Shape} ListSecretsRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ListSecretsRequest & swarm.ListSecretsRequest.$Shape;

        /**
         * Decodes a ListSecretsRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ListSecretsRequest & swarm.ListSecretsRequest.$Shape} ListSecretsRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ListSecretsRequest & swarm.ListSecretsRequest.$Shape;

        /**
         * Verifies a ListSecretsRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ListSecretsRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ListSecretsRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.ListSecretsRequest;

        /**
         * Creates a plain object from a ListSecretsRequest message. Also converts values to other types if specified.
         * @param message ListSecretsRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ListSecretsRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ListSecretsRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ListSecretsRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ListSecretsRequest {

        /** Properties of a ListSecretsRequest. */
        interface $Properties {

            /** ListSecretsRequest filters */
            filters?: (swarm.ListSecretsRequest.Filters.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ListSecretsRequest. */
        type $Shape = swarm.ListSecretsRequest.$Properties;

        /**
         * Properties of a Filters.
         * @deprecated Use swarm.ListSecretsRequest.Filters.$Properties instead.
         */
        interface IFilters extends swarm.ListSecretsRequest.Filters.$Properties {
        }

        /** Represents a Filters. */
        class Filters {

            /**
             * Constructs a new Filters.
             * @param [properties] Properties to set
             */
            constructor(properties?: swarm.ListSecretsRequest.Filters.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Filters names. */
            names: string[];

            /** Filters idPrefixes. */
            idPrefixes: string[];

            /** Filters labels. */
            labels: { [k: string]: string };

            /**
             * Creates a new Filters instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Filters instance
             */
            static create(properties: swarm.ListSecretsRequest.Filters.$Shape): swarm.ListSecretsRequest.Filters & swarm.ListSecretsRequest.Filters.$Shape;
            static create(properties?: swarm.ListSecretsRequest.Filters.$Properties): swarm.ListSecretsRequest.Filters;

            /**
             * Encodes the specified Filters message. Does not implicitly {@link swarm.ListSecretsRequest.Filters.verify|verify} messages.
             * @param message Filters message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: swarm.ListSecretsRequest.Filters.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Filters message, length delimited. Does not implicitly {@link swarm.ListSecretsRequest.Filters.verify|verify} messages.
             * @param message Filters message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: swarm.ListSecretsRequest.Filters.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Filters message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {swarm.ListSecretsRequest.Filters & swarm.ListSecretsRequest.Filters.$Shape} Filters
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ListSecretsRequest.Filters & swarm.ListSecretsRequest.Filters.$Shape;

            /**
             * Decodes a Filters message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {swarm.ListSecretsRequest.Filters & swarm.ListSecretsRequest.Filters.$Shape} Filters
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ListSecretsRequest.Filters & swarm.ListSecretsRequest.Filters.$Shape;

            /**
             * Verifies a Filters message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Filters message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Filters
             */
            static fromObject(object: { [k: string]: any }): swarm.ListSecretsRequest.Filters;

            /**
             * Creates a plain object from a Filters message. Also converts values to other types if specified.
             * @param message Filters
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: swarm.ListSecretsRequest.Filters, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Filters to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Filters
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Filters {

            /** Properties of a Filters. */
            interface $Properties {

                /** Filters names */
                names?: (string[]|null);

                /** Filters idPrefixes */
                idPrefixes?: (string[]|null);

                /** Filters labels */
                labels?: ({ [k: string]: string }|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Filters. */
            type $Shape = swarm.ListSecretsRequest.Filters.$Properties;
        }
    }

    /**
     * Properties of a ListSecretsResponse.
     * @deprecated Use swarm.ListSecretsResponse.$Properties instead.
     */
    interface IListSecretsResponse extends swarm.ListSecretsResponse.$Properties {
    }

    /** Represents a ListSecretsResponse. */
    class ListSecretsResponse {

        /**
         * Constructs a new ListSecretsResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ListSecretsResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ListSecretsResponse secrets. */
        secrets: swarm.Secret.$Properties[];

        /**
         * Creates a new ListSecretsResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ListSecretsResponse instance
         */
        static create(properties: swarm.ListSecretsResponse.$Shape): swarm.ListSecretsResponse & swarm.ListSecretsResponse.$Shape;
        static create(properties?: swarm.ListSecretsResponse.$Properties): swarm.ListSecretsResponse;

        /**
         * Encodes the specified ListSecretsResponse message. Does not implicitly {@link swarm.ListSecretsResponse.verify|verify} messages.
         * @param message ListSecretsResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ListSecretsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ListSecretsResponse message, length delimited. Does not implicitly {@link swarm.ListSecretsResponse.verify|verify} messages.
         * @param message ListSecretsResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ListSecretsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ListSecretsResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ListSecretsResponse & swarm.ListSecretsResponse.$Shape} ListSecretsResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ListSecretsResponse & swarm.ListSecretsResponse.$Shape;

        /**
         * Decodes a ListSecretsResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ListSecretsResponse & swarm.ListSecretsResponse.$Shape} ListSecretsResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ListSecretsResponse & swarm.ListSecretsResponse.$Shape;

        /**
         * Verifies a ListSecretsResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ListSecretsResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ListSecretsResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.ListSecretsResponse;

        /**
         * Creates a plain object from a ListSecretsResponse message. Also converts values to other types if specified.
         * @param message ListSecretsResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ListSecretsResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ListSecretsResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ListSecretsResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ListSecretsResponse {

        /** Properties of a ListSecretsResponse. */
        interface $Properties {

            /** ListSecretsResponse secrets */
            secrets?: (swarm.Secret.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ListSecretsResponse. */
        type $Shape = swarm.ListSecretsResponse.$Properties;
    }

    /**
     * Properties of a RemoveSecretRequest.
     * @deprecated Use swarm.RemoveSecretRequest.$Properties instead.
     */
    interface IRemoveSecretRequest extends swarm.RemoveSecretRequest.$Properties {
    }

    /** Represents a RemoveSecretRequest. */
    class RemoveSecretRequest {

        /**
         * Constructs a new RemoveSecretRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.RemoveSecretRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RemoveSecretRequest secretId. */
        secretId: string;

        /**
         * Creates a new RemoveSecretRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RemoveSecretRequest instance
         */
        static create(properties: swarm.RemoveSecretRequest.$Shape): swarm.RemoveSecretRequest & swarm.RemoveSecretRequest.$Shape;
        static create(properties?: swarm.RemoveSecretRequest.$Properties): swarm.RemoveSecretRequest;

        /**
         * Encodes the specified RemoveSecretRequest message. Does not implicitly {@link swarm.RemoveSecretRequest.verify|verify} messages.
         * @param message RemoveSecretRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.RemoveSecretRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified RemoveSecretRequest message, length delimited. Does not implicitly {@link swarm.RemoveSecretRequest.verify|verify} messages.
         * @param message RemoveSecretRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.RemoveSecretRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RemoveSecretRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.RemoveSecretRequest & swarm.RemoveSecretRequest.$Shape} RemoveSecretRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.RemoveSecretRequest & swarm.RemoveSecretRequest.$Shape;

        /**
         * Decodes a RemoveSecretRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.RemoveSecretRequest & swarm.RemoveSecretRequest.$Shape} RemoveSecretRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.RemoveSecretRequest & swarm.RemoveSecretRequest.$Shape;

        /**
         * Verifies a RemoveSecretRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a RemoveSecretRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns RemoveSecretRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.RemoveSecretRequest;

        /**
         * Creates a plain object from a RemoveSecretRequest message. Also converts values to other types if specified.
         * @param message RemoveSecretRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.RemoveSecretRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this RemoveSecretRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for RemoveSecretRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace RemoveSecretRequest {

        /** Properties of a RemoveSecretRequest. */
        interface $Properties {

            /** RemoveSecretRequest secretId */
            secretId?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RemoveSecretRequest. */
        type $Shape = swarm.RemoveSecretRequest.$Properties;
    }

    /**
     * Properties of a RemoveSecretResponse.
     * @deprecated Use swarm.RemoveSecretResponse.$Properties instead.
     */
    interface IRemoveSecretResponse extends swarm.RemoveSecretResponse.$Properties {
    }

    /** Represents a RemoveSecretResponse. */
    class RemoveSecretResponse {

        /**
         * Constructs a new RemoveSecretResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.RemoveSecretResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new RemoveSecretResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RemoveSecretResponse instance
         */
        static create(properties: swarm.RemoveSecretResponse.$Shape): swarm.RemoveSecretResponse & swarm.RemoveSecretResponse.$Shape;
        static create(properties?: swarm.RemoveSecretResponse.$Properties): swarm.RemoveSecretResponse;

        /**
         * Encodes the specified RemoveSecretResponse message. Does not implicitly {@link swarm.RemoveSecretResponse.verify|verify} messages.
         * @param message RemoveSecretResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.RemoveSecretResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified RemoveSecretResponse message, length delimited. Does not implicitly {@link swarm.RemoveSecretResponse.verify|verify} messages.
         * @param message RemoveSecretResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.RemoveSecretResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RemoveSecretResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.RemoveSecretResponse & swarm.RemoveSecretResponse.$Shape} RemoveSecretResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.RemoveSecretResponse & swarm.RemoveSecretResponse.$Shape;

        /**
         * Decodes a RemoveSecretResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.RemoveSecretResponse & swarm.RemoveSecretResponse.$Shape} RemoveSecretResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.RemoveSecretResponse & swarm.RemoveSecretResponse.$Shape;

        /**
         * Verifies a RemoveSecretResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a RemoveSecretResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns RemoveSecretResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.RemoveSecretResponse;

        /**
         * Creates a plain object from a RemoveSecretResponse message. Also converts values to other types if specified.
         * @param message RemoveSecretResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.RemoveSecretResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this RemoveSecretResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for RemoveSecretResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace RemoveSecretResponse {

        /** Properties of a RemoveSecretResponse. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RemoveSecretResponse. */
        type $Shape = swarm.RemoveSecretResponse.$Properties;
    }

    /**
     * Properties of a GetClusterRequest.
     * @deprecated Use swarm.GetClusterRequest.$Properties instead.
     */
    interface IGetClusterRequest extends swarm.GetClusterRequest.$Properties {
    }

    /** Represents a GetClusterRequest. */
    class GetClusterRequest {

        /**
         * Constructs a new GetClusterRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.GetClusterRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** GetClusterRequest clusterId. */
        clusterId: string;

        /**
         * Creates a new GetClusterRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns GetClusterRequest instance
         */
        static create(properties: swarm.GetClusterRequest.$Shape): swarm.GetClusterRequest & swarm.GetClusterRequest.$Shape;
        static create(properties?: swarm.GetClusterRequest.$Properties): swarm.GetClusterRequest;

        /**
         * Encodes the specified GetClusterRequest message. Does not implicitly {@link swarm.GetClusterRequest.verify|verify} messages.
         * @param message GetClusterRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.GetClusterRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified GetClusterRequest message, length delimited. Does not implicitly {@link swarm.GetClusterRequest.verify|verify} messages.
         * @param message GetClusterRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.GetClusterRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a GetClusterRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.GetClusterRequest & swarm.GetClusterRequest.$Shape} GetClusterRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.GetClusterRequest & swarm.GetClusterRequest.$Shape;

        /**
         * Decodes a GetClusterRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.GetClusterRequest & swarm.GetClusterRequest.$Shape} GetClusterRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.GetClusterRequest & swarm.GetClusterRequest.$Shape;

        /**
         * Verifies a GetClusterRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a GetClusterRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns GetClusterRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.GetClusterRequest;

        /**
         * Creates a plain object from a GetClusterRequest message. Also converts values to other types if specified.
         * @param message GetClusterRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.GetClusterRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this GetClusterRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for GetClusterRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace GetClusterRequest {

        /** Properties of a GetClusterRequest. */
        interface $Properties {

            /** GetClusterRequest clusterId */
            clusterId?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a GetClusterRequest. */
        type $Shape = swarm.GetClusterRequest.$Properties;
    }

    /**
     * Properties of a GetClusterResponse.
     * @deprecated Use swarm.GetClusterResponse.$Properties instead.
     */
    interface IGetClusterResponse extends swarm.GetClusterResponse.$Properties {
    }

    /** Represents a GetClusterResponse. */
    class GetClusterResponse {

        /**
         * Constructs a new GetClusterResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.GetClusterResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** GetClusterResponse cluster. */
        cluster?: (swarm.Cluster.$Properties|null);

        /**
         * Creates a new GetClusterResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns GetClusterResponse instance
         */
        static create(properties: swarm.GetClusterResponse.$Shape): swarm.GetClusterResponse & swarm.GetClusterResponse.$Shape;
        static create(properties?: swarm.GetClusterResponse.$Properties): swarm.GetClusterResponse;

        /**
         * Encodes the specified GetClusterResponse message. Does not implicitly {@link swarm.GetClusterResponse.verify|verify} messages.
         * @param message GetClusterResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.GetClusterResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified GetClusterResponse message, length delimited. Does not implicitly {@link swarm.GetClusterResponse.verify|verify} messages.
         * @param message GetClusterResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.GetClusterResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a GetClusterResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.GetClusterResponse & swarm.GetClusterResponse.$Shape} GetClusterResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.GetClusterResponse & swarm.GetClusterResponse.$Shape;

        /**
         * Decodes a GetClusterResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.GetClusterResponse & swarm.GetClusterResponse.$Shape} GetClusterResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.GetClusterResponse & swarm.GetClusterResponse.$Shape;

        /**
         * Verifies a GetClusterResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a GetClusterResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns GetClusterResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.GetClusterResponse;

        /**
         * Creates a plain object from a GetClusterResponse message. Also converts values to other types if specified.
         * @param message GetClusterResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.GetClusterResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this GetClusterResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for GetClusterResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace GetClusterResponse {

        /** Properties of a GetClusterResponse. */
        interface $Properties {

            /** GetClusterResponse cluster */
            cluster?: (swarm.Cluster.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a GetClusterResponse. */
        type $Shape = swarm.GetClusterResponse.$Properties;
    }

    /**
     * Properties of a ListClustersRequest.
     * @deprecated Use swarm.ListClustersRequest.$Properties instead.
     */
    interface IListClustersRequest extends swarm.ListClustersRequest.$Properties {
    }

    /** Represents a ListClustersRequest. */
    class ListClustersRequest {

        /**
         * Constructs a new ListClustersRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ListClustersRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new ListClustersRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ListClustersRequest instance
         */
        static create(properties: swarm.ListClustersRequest.$Shape): swarm.ListClustersRequest & swarm.ListClustersRequest.$Shape;
        static create(properties?: swarm.ListClustersRequest.$Properties): swarm.ListClustersRequest;

        /**
         * Encodes the specified ListClustersRequest message. Does not implicitly {@link swarm.ListClustersRequest.verify|verify} messages.
         * @param message ListClustersRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ListClustersRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ListClustersRequest message, length delimited. Does not implicitly {@link swarm.ListClustersRequest.verify|verify} messages.
         * @param message ListClustersRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ListClustersRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ListClustersRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ListClustersRequest & swarm.ListClustersRequest.$Shape} ListClustersRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ListClustersRequest & swarm.ListClustersRequest.$Shape;

        /**
         * Decodes a ListClustersRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ListClustersRequest & swarm.ListClustersRequest.$Shape} ListClustersRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ListClustersRequest & swarm.ListClustersRequest.$Shape;

        /**
         * Verifies a ListClustersRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ListClustersRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ListClustersRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.ListClustersRequest;

        /**
         * Creates a plain object from a ListClustersRequest message. Also converts values to other types if specified.
         * @param message ListClustersRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ListClustersRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ListClustersRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ListClustersRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ListClustersRequest {

        /** Properties of a ListClustersRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ListClustersRequest. */
        type $Shape = swarm.ListClustersRequest.$Properties;
    }

    /**
     * Properties of a ListClustersResponse.
     * @deprecated Use swarm.ListClustersResponse.$Properties instead.
     */
    interface IListClustersResponse extends swarm.ListClustersResponse.$Properties {
    }

    /** Represents a ListClustersResponse. */
    class ListClustersResponse {

        /**
         * Constructs a new ListClustersResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ListClustersResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ListClustersResponse clusters. */
        clusters: swarm.Cluster.$Properties[];

        /**
         * Creates a new ListClustersResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ListClustersResponse instance
         */
        static create(properties: swarm.ListClustersResponse.$Shape): swarm.ListClustersResponse & swarm.ListClustersResponse.$Shape;
        static create(properties?: swarm.ListClustersResponse.$Properties): swarm.ListClustersResponse;

        /**
         * Encodes the specified ListClustersResponse message. Does not implicitly {@link swarm.ListClustersResponse.verify|verify} messages.
         * @param message ListClustersResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ListClustersResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ListClustersResponse message, length delimited. Does not implicitly {@link swarm.ListClustersResponse.verify|verify} messages.
         * @param message ListClustersResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ListClustersResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ListClustersResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ListClustersResponse & swarm.ListClustersResponse.$Shape} ListClustersResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ListClustersResponse & swarm.ListClustersResponse.$Shape;

        /**
         * Decodes a ListClustersResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ListClustersResponse & swarm.ListClustersResponse.$Shape} ListClustersResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ListClustersResponse & swarm.ListClustersResponse.$Shape;

        /**
         * Verifies a ListClustersResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ListClustersResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ListClustersResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.ListClustersResponse;

        /**
         * Creates a plain object from a ListClustersResponse message. Also converts values to other types if specified.
         * @param message ListClustersResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ListClustersResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ListClustersResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ListClustersResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ListClustersResponse {

        /** Properties of a ListClustersResponse. */
        interface $Properties {

            /** ListClustersResponse clusters */
            clusters?: (swarm.Cluster.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ListClustersResponse. */
        type $Shape = swarm.ListClustersResponse.$Properties;
    }

    /**
     * Properties of an UpdateClusterRequest.
     * @deprecated Use swarm.UpdateClusterRequest.$Properties instead.
     */
    interface IUpdateClusterRequest extends swarm.UpdateClusterRequest.$Properties {
    }

    /** Represents an UpdateClusterRequest. */
    class UpdateClusterRequest {

        /**
         * Constructs a new UpdateClusterRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.UpdateClusterRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** UpdateClusterRequest clusterId. */
        clusterId: string;

        /** UpdateClusterRequest clusterVersion. */
        clusterVersion?: (swarm.Version.$Properties|null);

        /** UpdateClusterRequest spec. */
        spec?: (swarm.ClusterSpec.$Properties|null);

        /** UpdateClusterRequest rotation. */
        rotation?: (swarm.UpdateClusterRequest.Rotation.$Properties|null);

        /**
         * Creates a new UpdateClusterRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns UpdateClusterRequest instance
         */
        static create(properties: swarm.UpdateClusterRequest.$Shape): swarm.UpdateClusterRequest & swarm.UpdateClusterRequest.$Shape;
        static create(properties?: swarm.UpdateClusterRequest.$Properties): swarm.UpdateClusterRequest;

        /**
         * Encodes the specified UpdateClusterRequest message. Does not implicitly {@link swarm.UpdateClusterRequest.verify|verify} messages.
         * @param message UpdateClusterRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.UpdateClusterRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified UpdateClusterRequest message, length delimited. Does not implicitly {@link swarm.UpdateClusterRequest.verify|verify} messages.
         * @param message UpdateClusterRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.UpdateClusterRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an UpdateClusterRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.UpdateClusterRequest & swarm.UpdateClusterRequest.$Shape} UpdateClusterRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.UpdateClusterRequest & swarm.UpdateClusterRequest.$Shape;

        /**
         * Decodes an UpdateClusterRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.UpdateClusterRequest & swarm.UpdateClusterRequest.$Shape} UpdateClusterRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.UpdateClusterRequest & swarm.UpdateClusterRequest.$Shape;

        /**
         * Verifies an UpdateClusterRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an UpdateClusterRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns UpdateClusterRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.UpdateClusterRequest;

        /**
         * Creates a plain object from an UpdateClusterRequest message. Also converts values to other types if specified.
         * @param message UpdateClusterRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.UpdateClusterRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this UpdateClusterRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for UpdateClusterRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace UpdateClusterRequest {

        /** Properties of an UpdateClusterRequest. */
        interface $Properties {

            /** UpdateClusterRequest clusterId */
            clusterId?: (string|null);

            /** UpdateClusterRequest clusterVersion */
            clusterVersion?: (swarm.Version.$Properties|null);

            /** UpdateClusterRequest spec */
            spec?: (swarm.ClusterSpec.$Properties|null);

            /** UpdateClusterRequest rotation */
            rotation?: (swarm.UpdateClusterRequest.Rotation.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an UpdateClusterRequest. */
        type $Shape = swarm.UpdateClusterRequest.$Properties;

        /**
         * Properties of a Rotation.
         * @deprecated Use swarm.UpdateClusterRequest.Rotation.$Properties instead.
         */
        interface IRotation extends swarm.UpdateClusterRequest.Rotation.$Properties {
        }

        /** Represents a Rotation. */
        class Rotation {

            /**
             * Constructs a new Rotation.
             * @param [properties] Properties to set
             */
            constructor(properties?: swarm.UpdateClusterRequest.Rotation.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Rotation workerJoinToken. */
            workerJoinToken: boolean;

            /** Rotation managerJoinToken. */
            managerJoinToken: boolean;

            /** Rotation managerUnlockKey. */
            managerUnlockKey: boolean;

            /**
             * Creates a new Rotation instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Rotation instance
             */
            static create(properties: swarm.UpdateClusterRequest.Rotation.$Shape): swarm.UpdateClusterRequest.Rotation & swarm.UpdateClusterRequest.Rotation.$Shape;
            static create(properties?: swarm.UpdateClusterRequest.Rotation.$Properties): swarm.UpdateClusterRequest.Rotation;

            /**
             * Encodes the specified Rotation message. Does not implicitly {@link swarm.UpdateClusterRequest.Rotation.verify|verify} messages.
             * @param message Rotation message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: swarm.UpdateClusterRequest.Rotation.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Rotation message, length delimited. Does not implicitly {@link swarm.UpdateClusterRequest.Rotation.verify|verify} messages.
             * @param message Rotation message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: swarm.UpdateClusterRequest.Rotation.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Rotation message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {swarm.UpdateClusterRequest.Rotation & swarm.UpdateClusterRequest.Rotation.$Shape} Rotation
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.UpdateClusterRequest.Rotation & swarm.UpdateClusterRequest.Rotation.$Shape;

            /**
             * Decodes a Rotation message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {swarm.UpdateClusterRequest.Rotation & swarm.UpdateClusterRequest.Rotation.$Shape} Rotation
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.UpdateClusterRequest.Rotation & swarm.UpdateClusterRequest.Rotation.$Shape;

            /**
             * Verifies a Rotation message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Rotation message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Rotation
             */
            static fromObject(object: { [k: string]: any }): swarm.UpdateClusterRequest.Rotation;

            /**
             * Creates a plain object from a Rotation message. Also converts values to other types if specified.
             * @param message Rotation
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: swarm.UpdateClusterRequest.Rotation, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Rotation to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Rotation
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Rotation {

            /** Properties of a Rotation. */
            interface $Properties {

                /** Rotation workerJoinToken */
                workerJoinToken?: (boolean|null);

                /** Rotation managerJoinToken */
                managerJoinToken?: (boolean|null);

                /** Rotation managerUnlockKey */
                managerUnlockKey?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Rotation. */
            type $Shape = swarm.UpdateClusterRequest.Rotation.$Properties;
        }
    }

    /**
     * Properties of an UpdateClusterResponse.
     * @deprecated Use swarm.UpdateClusterResponse.$Properties instead.
     */
    interface IUpdateClusterResponse extends swarm.UpdateClusterResponse.$Properties {
    }

    /** Represents an UpdateClusterResponse. */
    class UpdateClusterResponse {

        /**
         * Constructs a new UpdateClusterResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.UpdateClusterResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** UpdateClusterResponse cluster. */
        cluster?: (swarm.Cluster.$Properties|null);

        /**
         * Creates a new UpdateClusterResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns UpdateClusterResponse instance
         */
        static create(properties: swarm.UpdateClusterResponse.$Shape): swarm.UpdateClusterResponse & swarm.UpdateClusterResponse.$Shape;
        static create(properties?: swarm.UpdateClusterResponse.$Properties): swarm.UpdateClusterResponse;

        /**
         * Encodes the specified UpdateClusterResponse message. Does not implicitly {@link swarm.UpdateClusterResponse.verify|verify} messages.
         * @param message UpdateClusterResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.UpdateClusterResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified UpdateClusterResponse message, length delimited. Does not implicitly {@link swarm.UpdateClusterResponse.verify|verify} messages.
         * @param message UpdateClusterResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.UpdateClusterResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an UpdateClusterResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.UpdateClusterResponse & swarm.UpdateClusterResponse.$Shape} UpdateClusterResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.UpdateClusterResponse & swarm.UpdateClusterResponse.$Shape;

        /**
         * Decodes an UpdateClusterResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.UpdateClusterResponse & swarm.UpdateClusterResponse.$Shape} UpdateClusterResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.UpdateClusterResponse & swarm.UpdateClusterResponse.$Shape;

        /**
         * Verifies an UpdateClusterResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an UpdateClusterResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns UpdateClusterResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.UpdateClusterResponse;

        /**
         * Creates a plain object from an UpdateClusterResponse message. Also converts values to other types if specified.
         * @param message UpdateClusterResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.UpdateClusterResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this UpdateClusterResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for UpdateClusterResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace UpdateClusterResponse {

        /** Properties of an UpdateClusterResponse. */
        interface $Properties {

            /** UpdateClusterResponse cluster */
            cluster?: (swarm.Cluster.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an UpdateClusterResponse. */
        type $Shape = swarm.UpdateClusterResponse.$Properties;
    }

    /** Represents a Control */
    class Control extends $protobuf.rpc.Service {

        /**
         * Constructs a new Control service.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         */
        constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

        /**
         * Creates new Control service using the specified rpc implementation.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         * @returns RPC service. Useful where requests and/or responses are streamed.
         */
        static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Control;

        /** Calls GetNode. */
        getNode: swarm.Control.GetNode;

        /** Calls ListNodes. */
        listNodes: swarm.Control.ListNodes;

        /** Calls UpdateNode. */
        updateNode: swarm.Control.UpdateNode;

        /** Calls RemoveNode. */
        removeNode: swarm.Control.RemoveNode;

        /** Calls GetTask. */
        getTask: swarm.Control.GetTask;

        /** Calls ListTasks. */
        listTasks: swarm.Control.ListTasks;

        /** Calls RemoveTask. */
        removeTask: swarm.Control.RemoveTask;

        /** Calls CreateService. */
        createService: swarm.Control.CreateService;

        /** Calls GetService. */
        getService: swarm.Control.GetService;

        /** Calls ListServices. */
        listServices: swarm.Control.ListServices;

        /** Calls UpdateService. */
        updateService: swarm.Control.UpdateService;

        /** Calls RemoveService. */
        removeService: swarm.Control.RemoveService;

        /** Calls CreateSecret. */
        createSecret: swarm.Control.CreateSecret;

        /** Calls GetSecret. */
        getSecret: swarm.Control.GetSecret;

        /** Calls ListSecrets. */
        listSecrets: swarm.Control.ListSecrets;

        /** Calls RemoveSecret. */
        removeSecret: swarm.Control.RemoveSecret;

        /** Calls GetCluster. */
        getCluster: swarm.Control.GetCluster;

        /** Calls ListClusters. */
        listClusters: swarm.Control.ListClusters;

        /** Calls UpdateCluster. */
        updateCluster: swarm.Control.UpdateCluster;
    }

    namespace Control {

        /**
         * Callback as used by {@link swarm.Control#getNode}.
         * @param error Error, if any
         * @param [response] GetNodeResponse
         */
        type GetNodeCallback = (error: (Error|null), response?: swarm.GetNodeResponse) => void;

        /** Calls GetNode. */
        type GetNode = {
          (request: swarm.IGetNodeRequest, callback: swarm.Control.GetNodeCallback): void;
          (request: swarm.IGetNodeRequest): Promise<swarm.GetNodeResponse>;
          readonly name: "GetNode";
          readonly path: "/swarm.Control/GetNode";
          readonly requestType: "GetNodeRequest";
          readonly responseType: "GetNodeResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link swarm.Control#listNodes}.
         * @param error Error, if any
         * @param [response] ListNodesResponse
         */
        type ListNodesCallback = (error: (Error|null), response?: swarm.ListNodesResponse) => void;

        /** Calls ListNodes. */
        type ListNodes = {
          (request: swarm.IListNodesRequest, callback: swarm.Control.ListNodesCallback): void;
          (request: swarm.IListNodesRequest): Promise<swarm.ListNodesResponse>;
          readonly name: "ListNodes";
          readonly path: "/swarm.Control/ListNodes";
          readonly requestType: "ListNodesRequest";
          readonly responseType: "ListNodesResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link swarm.Control#updateNode}.
         * @param error Error, if any
         * @param [response] UpdateNodeResponse
         */
        type UpdateNodeCallback = (error: (Error|null), response?: swarm.UpdateNodeResponse) => void;

        /** Calls UpdateNode. */
        type UpdateNode = {
          (request: swarm.IUpdateNodeRequest, callback: swarm.Control.UpdateNodeCallback): void;
          (request: swarm.IUpdateNodeRequest): Promise<swarm.UpdateNodeResponse>;
          readonly name: "UpdateNode";
          readonly path: "/swarm.Control/UpdateNode";
          readonly requestType: "UpdateNodeRequest";
          readonly responseType: "UpdateNodeResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link swarm.Control#removeNode}.
         * @param error Error, if any
         * @param [response] RemoveNodeResponse
         */
        type RemoveNodeCallback = (error: (Error|null), response?: swarm.RemoveNodeResponse) => void;

        /** Calls RemoveNode. */
        type RemoveNode = {
          (request: swarm.IRemoveNodeRequest, callback: swarm.Control.RemoveNodeCallback): void;
          (request: swarm.IRemoveNodeRequest): Promise<swarm.RemoveNodeResponse>;
          readonly name: "RemoveNode";
          readonly path: "/swarm.Control/RemoveNode";
          readonly requestType: "RemoveNodeRequest";
          readonly responseType: "RemoveNodeResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link swarm.Control#getTask}.
         * @param error Error, if any
         * @param [response] GetTaskResponse
         */
        type GetTaskCallback = (error: (Error|null), response?: swarm.GetTaskResponse) => void;

        /** Calls GetTask. */
        type GetTask = {
          (request: swarm.IGetTaskRequest, callback: swarm.Control.GetTaskCallback): void;
          (request: swarm.IGetTaskRequest): Promise<swarm.GetTaskResponse>;
          readonly name: "GetTask";
          readonly path: "/swarm.Control/GetTask";
          readonly requestType: "GetTaskRequest";
          readonly responseType: "GetTaskResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link swarm.Control#listTasks}.
         * @param error Error, if any
         * @param [response] ListTasksResponse
         */
        type ListTasksCallback = (error: (Error|null), response?: swarm.ListTasksResponse) => void;

        /** Calls ListTasks. */
        type ListTasks = {
          (request: swarm.IListTasksRequest, callback: swarm.Control.ListTasksCallback): void;
          (request: swarm.IListTasksRequest): Promise<swarm.ListTasksResponse>;
          readonly name: "ListTasks";
          readonly path: "/swarm.Control/ListTasks";
          readonly requestType: "ListTasksRequest";
          readonly responseType: "ListTasksResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link swarm.Control#removeTask}.
         * @param error Error, if any
         * @param [response] RemoveTaskResponse
         */
        type RemoveTaskCallback = (error: (Error|null), response?: swarm.RemoveTaskResponse) => void;

        /** Calls RemoveTask. */
        type RemoveTask = {
          (request: swarm.IRemoveTaskRequest, callback: swarm.Control.RemoveTaskCallback): void;
          (request: swarm.IRemoveTaskRequest): Promise<swarm.RemoveTaskResponse>;
          readonly name: "RemoveTask";
          readonly path: "/swarm.Control/RemoveTask";
          readonly requestType: "RemoveTaskRequest";
          readonly responseType: "RemoveTaskResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link swarm.Control#createService}.
         * @param error Error, if any
         * @param [response] CreateServiceResponse
         */
        type CreateServiceCallback = (error: (Error|null), response?: swarm.CreateServiceResponse) => void;

        /** Calls CreateService. */
        type CreateService = {
          (request: swarm.ICreateServiceRequest, callback: swarm.Control.CreateServiceCallback): void;
          (request: swarm.ICreateServiceRequest): Promise<swarm.CreateServiceResponse>;
          readonly name: "CreateService";
          readonly path: "/swarm.Control/CreateService";
          readonly requestType: "CreateServiceRequest";
          readonly responseType: "CreateServiceResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link swarm.Control#getService}.
         * @param error Error, if any
         * @param [response] GetServiceResponse
         */
        type GetServiceCallback = (error: (Error|null), response?: swarm.GetServiceResponse) => void;

        /** Calls GetService. */
        type GetService = {
          (request: swarm.IGetServiceRequest, callback: swarm.Control.GetServiceCallback): void;
          (request: swarm.IGetServiceRequest): Promise<swarm.GetServiceResponse>;
          readonly name: "GetService";
          readonly path: "/swarm.Control/GetService";
          readonly requestType: "GetServiceRequest";
          readonly responseType: "GetServiceResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link swarm.Control#listServices}.
         * @param error Error, if any
         * @param [response] ListServicesResponse
         */
        type ListServicesCallback = (error: (Error|null), response?: swarm.ListServicesResponse) => void;

        /** Calls ListServices. */
        type ListServices = {
          (request: swarm.IListServicesRequest, callback: swarm.Control.ListServicesCallback): void;
          (request: swarm.IListServicesRequest): Promise<swarm.ListServicesResponse>;
          readonly name: "ListServices";
          readonly path: "/swarm.Control/ListServices";
          readonly requestType: "ListServicesRequest";
          readonly responseType: "ListServicesResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link swarm.Control#updateService}.
         * @param error Error, if any
         * @param [response] UpdateServiceResponse
         */
        type UpdateServiceCallback = (error: (Error|null), response?: swarm.UpdateServiceResponse) => void;

        /** Calls UpdateService. */
        type UpdateService = {
          (request: swarm.IUpdateServiceRequest, callback: swarm.Control.UpdateServiceCallback): void;
          (request: swarm.IUpdateServiceRequest): Promise<swarm.UpdateServiceResponse>;
          readonly name: "UpdateService";
          readonly path: "/swarm.Control/UpdateService";
          readonly requestType: "UpdateServiceRequest";
          readonly responseType: "UpdateServiceResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link swarm.Control#removeService}.
         * @param error Error, if any
         * @param [response] RemoveServiceResponse
         */
        type RemoveServiceCallback = (error: (Error|null), response?: swarm.RemoveServiceResponse) => void;

        /** Calls RemoveService. */
        type RemoveService = {
          (request: swarm.IRemoveServiceRequest, callback: swarm.Control.RemoveServiceCallback): void;
          (request: swarm.IRemoveServiceRequest): Promise<swarm.RemoveServiceResponse>;
          readonly name: "RemoveService";
          readonly path: "/swarm.Control/RemoveService";
          readonly requestType: "RemoveServiceRequest";
          readonly responseType: "RemoveServiceResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link swarm.Control#createSecret}.
         * @param error Error, if any
         * @param [response] CreateSecretResponse
         */
        type CreateSecretCallback = (error: (Error|null), response?: swarm.CreateSecretResponse) => void;

        /** Calls CreateSecret. */
        type CreateSecret = {
          (request: swarm.ICreateSecretRequest, callback: swarm.Control.CreateSecretCallback): void;
          (request: swarm.ICreateSecretRequest): Promise<swarm.CreateSecretResponse>;
          readonly name: "CreateSecret";
          readonly path: "/swarm.Control/CreateSecret";
          readonly requestType: "CreateSecretRequest";
          readonly responseType: "CreateSecretResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link swarm.Control#getSecret}.
         * @param error Error, if any
         * @param [response] GetSecretResponse
         */
        type GetSecretCallback = (error: (Error|null), response?: swarm.GetSecretResponse) => void;

        /** Calls GetSecret. */
        type GetSecret = {
          (request: swarm.IGetSecretRequest, callback: swarm.Control.GetSecretCallback): void;
          (request: swarm.IGetSecretRequest): Promise<swarm.GetSecretResponse>;
          readonly name: "GetSecret";
          readonly path: "/swarm.Control/GetSecret";
          readonly requestType: "GetSecretRequest";
          readonly responseType: "GetSecretResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link swarm.Control#listSecrets}.
         * @param error Error, if any
         * @param [response] ListSecretsResponse
         */
        type ListSecretsCallback = (error: (Error|null), response?: swarm.ListSecretsResponse) => void;

        /** Calls ListSecrets. */
        type ListSecrets = {
          (request: swarm.IListSecretsRequest, callback: swarm.Control.ListSecretsCallback): void;
          (request: swarm.IListSecretsRequest): Promise<swarm.ListSecretsResponse>;
          readonly name: "ListSecrets";
          readonly path: "/swarm.Control/ListSecrets";
          readonly requestType: "ListSecretsRequest";
          readonly responseType: "ListSecretsResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link swarm.Control#removeSecret}.
         * @param error Error, if any
         * @param [response] RemoveSecretResponse
         */
        type RemoveSecretCallback = (error: (Error|null), response?: swarm.RemoveSecretResponse) => void;

        /** Calls RemoveSecret. */
        type RemoveSecret = {
          (request: swarm.IRemoveSecretRequest, callback: swarm.Control.RemoveSecretCallback): void;
          (request: swarm.IRemoveSecretRequest): Promise<swarm.RemoveSecretResponse>;
          readonly name: "RemoveSecret";
          readonly path: "/swarm.Control/RemoveSecret";
          readonly requestType: "RemoveSecretRequest";
          readonly responseType: "RemoveSecretResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link swarm.Control#getCluster}.
         * @param error Error, if any
         * @param [response] GetClusterResponse
         */
        type GetClusterCallback = (error: (Error|null), response?: swarm.GetClusterResponse) => void;

        /** Calls GetCluster. */
        type GetCluster = {
          (request: swarm.IGetClusterRequest, callback: swarm.Control.GetClusterCallback): void;
          (request: swarm.IGetClusterRequest): Promise<swarm.GetClusterResponse>;
          readonly name: "GetCluster";
          readonly path: "/swarm.Control/GetCluster";
          readonly requestType: "GetClusterRequest";
          readonly responseType: "GetClusterResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link swarm.Control#listClusters}.
         * @param error Error, if any
         * @param [response] ListClustersResponse
         */
        type ListClustersCallback = (error: (Error|null), response?: swarm.ListClustersResponse) => void;

        /** Calls ListClusters. */
        type ListClusters = {
          (request: swarm.IListClustersRequest, callback: swarm.Control.ListClustersCallback): void;
          (request: swarm.IListClustersRequest): Promise<swarm.ListClustersResponse>;
          readonly name: "ListClusters";
          readonly path: "/swarm.Control/ListClusters";
          readonly requestType: "ListClustersRequest";
          readonly responseType: "ListClustersResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link swarm.Control#updateCluster}.
         * @param error Error, if any
         * @param [response] UpdateClusterResponse
         */
        type UpdateClusterCallback = (error: (Error|null), response?: swarm.UpdateClusterResponse) => void;

        /** Calls UpdateCluster. */
        type UpdateCluster = {
          (request: swarm.IUpdateClusterRequest, callback: swarm.Control.UpdateClusterCallback): void;
          (request: swarm.IUpdateClusterRequest): Promise<swarm.UpdateClusterResponse>;
          readonly name: "UpdateCluster";
          readonly path: "/swarm.Control/UpdateCluster";
          readonly requestType: "UpdateClusterRequest";
          readonly responseType: "UpdateClusterResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };
    }

    /**
     * Properties of a WeightedPeer.
     * @deprecated Use swarm.WeightedPeer.$Properties instead.
     */
    interface IWeightedPeer extends swarm.WeightedPeer.$Properties {
    }

    /** Represents a WeightedPeer. */
    class WeightedPeer {

        /**
         * Constructs a new WeightedPeer.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.WeightedPeer.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** WeightedPeer nodeId. */
        nodeId: string;

        /** WeightedPeer addr. */
        addr: string;

        /** WeightedPeer weight. */
        weight: Long;

        /**
         * Creates a new WeightedPeer instance using the specified properties.
         * @param [properties] Properties to set
         * @returns WeightedPeer instance
         */
        static create(properties: swarm.WeightedPeer.$Shape): swarm.WeightedPeer & swarm.WeightedPeer.$Shape;
        static create(properties?: swarm.WeightedPeer.$Properties): swarm.WeightedPeer;

        /**
         * Encodes the specified WeightedPeer message. Does not implicitly {@link swarm.WeightedPeer.verify|verify} messages.
         * @param message WeightedPeer message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.WeightedPeer.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified WeightedPeer message, length delimited. Does not implicitly {@link swarm.WeightedPeer.verify|verify} messages.
         * @param message WeightedPeer message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.WeightedPeer.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a WeightedPeer message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.WeightedPeer & swarm.WeightedPeer.$Shape} WeightedPeer
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.WeightedPeer & swarm.WeightedPeer.$Shape;

        /**
         * Decodes a WeightedPeer message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.WeightedPeer & swarm.WeightedPeer.$Shape} WeightedPeer
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.WeightedPeer & swarm.WeightedPeer.$Shape;

        /**
         * Verifies a WeightedPeer message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a WeightedPeer message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns WeightedPeer
         */
        static fromObject(object: { [k: string]: any }): swarm.WeightedPeer;

        /**
         * Creates a plain object from a WeightedPeer message. Also converts values to other types if specified.
         * @param message WeightedPeer
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.WeightedPeer, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this WeightedPeer to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for WeightedPeer
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace WeightedPeer {

        /** Properties of a WeightedPeer. */
        interface $Properties {

            /** WeightedPeer nodeId */
            nodeId?: (string|null);

            /** WeightedPeer addr */
            addr?: (string|null);

            /** WeightedPeer weight */
            weight?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a WeightedPeer. */
        type $Shape = swarm.WeightedPeer.$Properties;
    }

    /**
     * Properties of a SessionRequest.
     * @deprecated Use swarm.SessionRequest.$Properties instead.
     */
    interface ISessionRequest extends swarm.SessionRequest.$Properties {
    }

    /** Represents a SessionRequest. */
    class SessionRequest {

        /**
         * Constructs a new SessionRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.SessionRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SessionRequest description. */
        description?: (swarm.NodeDescription.$Properties|null);

        /** SessionRequest sessionId. */
        sessionId: string;

        /**
         * Creates a new SessionRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SessionRequest instance
         */
        static create(properties: swarm.SessionRequest.$Shape): swarm.SessionRequest & swarm.SessionRequest.$Shape;
        static create(properties?: swarm.SessionRequest.$Properties): swarm.SessionRequest;

        /**
         * Encodes the specified SessionRequest message. Does not implicitly {@link swarm.SessionRequest.verify|verify} messages.
         * @param message SessionRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.SessionRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified SessionRequest message, length delimited. Does not implicitly {@link swarm.SessionRequest.verify|verify} messages.
         * @param message SessionRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.SessionRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SessionRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.SessionRequest & swarm.SessionRequest.$Shape} SessionRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.SessionRequest & swarm.SessionRequest.$Shape;

        /**
         * Decodes a SessionRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.SessionRequest & swarm.SessionRequest.$Shape} SessionRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.SessionRequest & swarm.SessionRequest.$Shape;

        /**
         * Verifies a SessionRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a SessionRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns SessionRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.SessionRequest;

        /**
         * Creates a plain object from a SessionRequest message. Also converts values to other types if specified.
         * @param message SessionRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.SessionRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this SessionRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for SessionRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace SessionRequest {

        /** Properties of a SessionRequest. */
        interface $Properties {

            /** SessionRequest description */
            description?: (swarm.NodeDescription.$Properties|null);

            /** SessionRequest sessionId */
            sessionId?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SessionRequest. */
        type $Shape = swarm.SessionRequest.$Properties;
    }

    /**
     * Properties of a SessionMessage.
     * @deprecated Use swarm.SessionMessage.$Properties instead.
     */
    interface ISessionMessage extends swarm.SessionMessage.$Properties {
    }

    /** Represents a SessionMessage. */
    class SessionMessage {

        /**
         * Constructs a new SessionMessage.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.SessionMessage.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SessionMessage sessionId. */
        sessionId: string;

        /** SessionMessage node. */
        node?: (swarm.Node.$Properties|null);

        /** SessionMessage managers. */
        managers: swarm.WeightedPeer.$Properties[];

        /** SessionMessage rootCa. */
        rootCa: Uint8Array;

        /**
         * Creates a new SessionMessage instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SessionMessage instance
         */
        static create(properties: swarm.SessionMessage.$Shape): swarm.SessionMessage & swarm.SessionMessage.$Shape;
        static create(properties?: swarm.SessionMessage.$Properties): swarm.SessionMessage;

        /**
         * Encodes the specified SessionMessage message. Does not implicitly {@link swarm.SessionMessage.verify|verify} messages.
         * @param message SessionMessage message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.SessionMessage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified SessionMessage message, length delimited. Does not implicitly {@link swarm.SessionMessage.verify|verify} messages.
         * @param message SessionMessage message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.SessionMessage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SessionMessage message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.SessionMessage & swarm.SessionMessage.$Shape} SessionMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.SessionMessage & swarm.SessionMessage.$Shape;

        /**
         * Decodes a SessionMessage message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.SessionMessage & swarm.SessionMessage.$Shape} SessionMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.SessionMessage & swarm.SessionMessage.$Shape;

        /**
         * Verifies a SessionMessage message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a SessionMessage message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns SessionMessage
         */
        static fromObject(object: { [k: string]: any }): swarm.SessionMessage;

        /**
         * Creates a plain object from a SessionMessage message. Also converts values to other types if specified.
         * @param message SessionMessage
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.SessionMessage, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this SessionMessage to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for SessionMessage
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace SessionMessage {

        /** Properties of a SessionMessage. */
        interface $Properties {

            /** SessionMessage sessionId */
            sessionId?: (string|null);

            /** SessionMessage node */
            node?: (swarm.Node.$Properties|null);

            /** SessionMessage managers */
            managers?: (swarm.WeightedPeer.$Properties[]|null);

            /** SessionMessage rootCa */
            rootCa?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SessionMessage. */
        type $Shape = swarm.SessionMessage.$Properties;
    }

    /**
     * Properties of a HeartbeatRequest.
     * @deprecated Use swarm.HeartbeatRequest.$Properties instead.
     */
    interface IHeartbeatRequest extends swarm.HeartbeatRequest.$Properties {
    }

    /** Represents a HeartbeatRequest. */
    class HeartbeatRequest {

        /**
         * Constructs a new HeartbeatRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.HeartbeatRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** HeartbeatRequest sessionId. */
        sessionId: string;

        /**
         * Creates a new HeartbeatRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns HeartbeatRequest instance
         */
        static create(properties: swarm.HeartbeatRequest.$Shape): swarm.HeartbeatRequest & swarm.HeartbeatRequest.$Shape;
        static create(properties?: swarm.HeartbeatRequest.$Properties): swarm.HeartbeatRequest;

        /**
         * Encodes the specified HeartbeatRequest message. Does not implicitly {@link swarm.HeartbeatRequest.verify|verify} messages.
         * @param message HeartbeatRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.HeartbeatRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified HeartbeatRequest message, length delimited. Does not implicitly {@link swarm.HeartbeatRequest.verify|verify} messages.
         * @param message HeartbeatRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.HeartbeatRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a HeartbeatRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.HeartbeatRequest & swarm.HeartbeatRequest.$Shape} HeartbeatRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.HeartbeatRequest & swarm.HeartbeatRequest.$Shape;

        /**
         * Decodes a HeartbeatRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.HeartbeatRequest & swarm.HeartbeatRequest.$Shape} HeartbeatRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.HeartbeatRequest & swarm.HeartbeatRequest.$Shape;

        /**
         * Verifies a HeartbeatRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a HeartbeatRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns HeartbeatRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.HeartbeatRequest;

        /**
         * Creates a plain object from a HeartbeatRequest message. Also converts values to other types if specified.
         * @param message HeartbeatRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.HeartbeatRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this HeartbeatRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for HeartbeatRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace HeartbeatRequest {

        /** Properties of a HeartbeatRequest. */
        interface $Properties {

            /** HeartbeatRequest sessionId */
            sessionId?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a HeartbeatRequest. */
        type $Shape = swarm.HeartbeatRequest.$Properties;
    }

    /**
     * Properties of a HeartbeatResponse.
     * @deprecated Use swarm.HeartbeatResponse.$Properties instead.
     */
    interface IHeartbeatResponse extends swarm.HeartbeatResponse.$Properties {
    }

    /** Represents a HeartbeatResponse. */
    class HeartbeatResponse {

        /**
         * Constructs a new HeartbeatResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.HeartbeatResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** HeartbeatResponse periodMs. */
        periodMs: Long;

        /**
         * Creates a new HeartbeatResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns HeartbeatResponse instance
         */
        static create(properties: swarm.HeartbeatResponse.$Shape): swarm.HeartbeatResponse & swarm.HeartbeatResponse.$Shape;
        static create(properties?: swarm.HeartbeatResponse.$Properties): swarm.HeartbeatResponse;

        /**
         * Encodes the specified HeartbeatResponse message. Does not implicitly {@link swarm.HeartbeatResponse.verify|verify} messages.
         * @param message HeartbeatResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.HeartbeatResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified HeartbeatResponse message, length delimited. Does not implicitly {@link swarm.HeartbeatResponse.verify|verify} messages.
         * @param message HeartbeatResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.HeartbeatResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a HeartbeatResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.HeartbeatResponse & swarm.HeartbeatResponse.$Shape} HeartbeatResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.HeartbeatResponse & swarm.HeartbeatResponse.$Shape;

        /**
         * Decodes a HeartbeatResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.HeartbeatResponse & swarm.HeartbeatResponse.$Shape} HeartbeatResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.HeartbeatResponse & swarm.HeartbeatResponse.$Shape;

        /**
         * Verifies a HeartbeatResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a HeartbeatResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns HeartbeatResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.HeartbeatResponse;

        /**
         * Creates a plain object from a HeartbeatResponse message. Also converts values to other types if specified.
         * @param message HeartbeatResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.HeartbeatResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this HeartbeatResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for HeartbeatResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace HeartbeatResponse {

        /** Properties of a HeartbeatResponse. */
        interface $Properties {

            /** HeartbeatResponse periodMs */
            periodMs?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a HeartbeatResponse. */
        type $Shape = swarm.HeartbeatResponse.$Properties;
    }

    /**
     * Properties of a TaskStatusUpdate.
     * @deprecated Use swarm.TaskStatusUpdate.$Properties instead.
     */
    interface ITaskStatusUpdate extends swarm.TaskStatusUpdate.$Properties {
    }

    /** Represents a TaskStatusUpdate. */
    class TaskStatusUpdate {

        /**
         * Constructs a new TaskStatusUpdate.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.TaskStatusUpdate.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TaskStatusUpdate taskId. */
        taskId: string;

        /** TaskStatusUpdate status. */
        status?: (swarm.TaskStatus.$Properties|null);

        /**
         * Creates a new TaskStatusUpdate instance using the specified properties.
         * @param [properties] Properties to set
         * @returns TaskStatusUpdate instance
         */
        static create(properties: swarm.TaskStatusUpdate.$Shape): swarm.TaskStatusUpdate & swarm.TaskStatusUpdate.$Shape;
        static create(properties?: swarm.TaskStatusUpdate.$Properties): swarm.TaskStatusUpdate;

        /**
         * Encodes the specified TaskStatusUpdate message. Does not implicitly {@link swarm.TaskStatusUpdate.verify|verify} messages.
         * @param message TaskStatusUpdate message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.TaskStatusUpdate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified TaskStatusUpdate message, length delimited. Does not implicitly {@link swarm.TaskStatusUpdate.verify|verify} messages.
         * @param message TaskStatusUpdate message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.TaskStatusUpdate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TaskStatusUpdate message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.TaskStatusUpdate & swarm.TaskStatusUpdate.$Shape} TaskStatusUpdate
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.TaskStatusUpdate & swarm.TaskStatusUpdate.$Shape;

        /**
         * Decodes a TaskStatusUpdate message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.TaskStatusUpdate & swarm.TaskStatusUpdate.$Shape} TaskStatusUpdate
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.TaskStatusUpdate & swarm.TaskStatusUpdate.$Shape;

        /**
         * Verifies a TaskStatusUpdate message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a TaskStatusUpdate message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns TaskStatusUpdate
         */
        static fromObject(object: { [k: string]: any }): swarm.TaskStatusUpdate;

        /**
         * Creates a plain object from a TaskStatusUpdate message. Also converts values to other types if specified.
         * @param message TaskStatusUpdate
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.TaskStatusUpdate, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this TaskStatusUpdate to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for TaskStatusUpdate
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace TaskStatusUpdate {

        /** Properties of a TaskStatusUpdate. */
        interface $Properties {

            /** TaskStatusUpdate taskId */
            taskId?: (string|null);

            /** TaskStatusUpdate status */
            status?: (swarm.TaskStatus.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TaskStatusUpdate. */
        type $Shape = swarm.TaskStatusUpdate.$Properties;
    }

    /**
     * Properties of an UpdateTaskStatusRequest.
     * @deprecated Use swarm.UpdateTaskStatusRequest.$Properties instead.
     */
    interface IUpdateTaskStatusRequest extends swarm.UpdateTaskStatusRequest.$Properties {
    }

    /** Represents an UpdateTaskStatusRequest. */
    class UpdateTaskStatusRequest {

        /**
         * Constructs a new UpdateTaskStatusRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.UpdateTaskStatusRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** UpdateTaskStatusRequest sessionId. */
        sessionId: string;

        /** UpdateTaskStatusRequest updates. */
        updates: swarm.TaskStatusUpdate.$Properties[];

        /**
         * Creates a new UpdateTaskStatusRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns UpdateTaskStatusRequest instance
         */
        static create(properties: swarm.UpdateTaskStatusRequest.$Shape): swarm.UpdateTaskStatusRequest & swarm.UpdateTaskStatusRequest.$Shape;
        static create(properties?: swarm.UpdateTaskStatusRequest.$Properties): swarm.UpdateTaskStatusRequest;

        /**
         * Encodes the specified UpdateTaskStatusRequest message. Does not implicitly {@link swarm.UpdateTaskStatusRequest.verify|verify} messages.
         * @param message UpdateTaskStatusRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.UpdateTaskStatusRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified UpdateTaskStatusRequest message, length delimited. Does not implicitly {@link swarm.UpdateTaskStatusRequest.verify|verify} messages.
         * @param message UpdateTaskStatusRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.UpdateTaskStatusRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an UpdateTaskStatusRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.UpdateTaskStatusRequest & swarm.UpdateTaskStatusRequest.$Shape} UpdateTaskStatusRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.UpdateTaskStatusRequest & swarm.UpdateTaskStatusRequest.$Shape;

        /**
         * Decodes an UpdateTaskStatusRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.UpdateTaskStatusRequest & swarm.UpdateTaskStatusRequest.$Shape} UpdateTaskStatusRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.UpdateTaskStatusRequest & swarm.UpdateTaskStatusRequest.$Shape;

        /**
         * Verifies an UpdateTaskStatusRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an UpdateTaskStatusRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns UpdateTaskStatusRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.UpdateTaskStatusRequest;

        /**
         * Creates a plain object from an UpdateTaskStatusRequest message. Also converts values to other types if specified.
         * @param message UpdateTaskStatusRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.UpdateTaskStatusRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this UpdateTaskStatusRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for UpdateTaskStatusRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace UpdateTaskStatusRequest {

        /** Properties of an UpdateTaskStatusRequest. */
        interface $Properties {

            /** UpdateTaskStatusRequest sessionId */
            sessionId?: (string|null);

            /** UpdateTaskStatusRequest updates */
            updates?: (swarm.TaskStatusUpdate.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an UpdateTaskStatusRequest. */
        type $Shape = swarm.UpdateTaskStatusRequest.$Properties;
    }

    /**
     * Properties of an UpdateTaskStatusResponse.
     * @deprecated Use swarm.UpdateTaskStatusResponse.$Properties instead.
     */
    interface IUpdateTaskStatusResponse extends swarm.UpdateTaskStatusResponse.$Properties {
    }

    /** Represents an UpdateTaskStatusResponse. */
    class UpdateTaskStatusResponse {

        /**
         * Constructs a new UpdateTaskStatusResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.UpdateTaskStatusResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new UpdateTaskStatusResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns UpdateTaskStatusResponse instance
         */
        static create(properties: swarm.UpdateTaskStatusResponse.$Shape): swarm.UpdateTaskStatusResponse & swarm.UpdateTaskStatusResponse.$Shape;
        static create(properties?: swarm.UpdateTaskStatusResponse.$Properties): swarm.UpdateTaskStatusResponse;

        /**
         * Encodes the specified UpdateTaskStatusResponse message. Does not implicitly {@link swarm.UpdateTaskStatusResponse.verify|verify} messages.
         * @param message UpdateTaskStatusResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.UpdateTaskStatusResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified UpdateTaskStatusResponse message, length delimited. Does not implicitly {@link swarm.UpdateTaskStatusResponse.verify|verify} messages.
         * @param message UpdateTaskStatusResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.UpdateTaskStatusResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an UpdateTaskStatusResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.UpdateTaskStatusResponse & swarm.UpdateTaskStatusResponse.$Shape} UpdateTaskStatusResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.UpdateTaskStatusResponse & swarm.UpdateTaskStatusResponse.$Shape;

        /**
         * Decodes an UpdateTaskStatusResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.UpdateTaskStatusResponse & swarm.UpdateTaskStatusResponse.$Shape} UpdateTaskStatusResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.UpdateTaskStatusResponse & swarm.UpdateTaskStatusResponse.$Shape;

        /**
         * Verifies an UpdateTaskStatusResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an UpdateTaskStatusResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns UpdateTaskStatusResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.UpdateTaskStatusResponse;

        /**
         * Creates a plain object from an UpdateTaskStatusResponse message. Also converts values to other types if specified.
         * @param message UpdateTaskStatusResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.UpdateTaskStatusResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this UpdateTaskStatusResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for UpdateTaskStatusResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace UpdateTaskStatusResponse {

        /** Properties of an UpdateTaskStatusResponse. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an UpdateTaskStatusResponse. */
        type $Shape = swarm.UpdateTaskStatusResponse.$Properties;
    }

    /**
     * Properties of an AssignmentsRequest.
     * @deprecated Use swarm.AssignmentsRequest.$Properties instead.
     */
    interface IAssignmentsRequest extends swarm.AssignmentsRequest.$Properties {
    }

    /** Represents an AssignmentsRequest. */
    class AssignmentsRequest {

        /**
         * Constructs a new AssignmentsRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.AssignmentsRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AssignmentsRequest sessionId. */
        sessionId: string;

        /**
         * Creates a new AssignmentsRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AssignmentsRequest instance
         */
        static create(properties: swarm.AssignmentsRequest.$Shape): swarm.AssignmentsRequest & swarm.AssignmentsRequest.$Shape;
        static create(properties?: swarm.AssignmentsRequest.$Properties): swarm.AssignmentsRequest;

        /**
         * Encodes the specified AssignmentsRequest message. Does not implicitly {@link swarm.AssignmentsRequest.verify|verify} messages.
         * @param message AssignmentsRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.AssignmentsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified AssignmentsRequest message, length delimited. Does not implicitly {@link swarm.AssignmentsRequest.verify|verify} messages.
         * @param message AssignmentsRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.AssignmentsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AssignmentsRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.AssignmentsRequest & swarm.AssignmentsRequest.$Shape} AssignmentsRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.AssignmentsRequest & swarm.AssignmentsRequest.$Shape;

        /**
         * Decodes an AssignmentsRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.AssignmentsRequest & swarm.AssignmentsRequest.$Shape} AssignmentsRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.AssignmentsRequest & swarm.AssignmentsRequest.$Shape;

        /**
         * Verifies an AssignmentsRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AssignmentsRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AssignmentsRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.AssignmentsRequest;

        /**
         * Creates a plain object from an AssignmentsRequest message. Also converts values to other types if specified.
         * @param message AssignmentsRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.AssignmentsRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AssignmentsRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AssignmentsRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AssignmentsRequest {

        /** Properties of an AssignmentsRequest. */
        interface $Properties {

            /** AssignmentsRequest sessionId */
            sessionId?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AssignmentsRequest. */
        type $Shape = swarm.AssignmentsRequest.$Properties;
    }

    /**
     * Properties of an Assignment.
     * @deprecated Use swarm.Assignment.$Properties instead.
     */
    interface IAssignment extends swarm.Assignment.$Properties {
    }

    /** Represents an Assignment. */
    class Assignment {

        /**
         * Constructs a new Assignment.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.Assignment.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Assignment task. */
        task?: (swarm.Task.$Properties|null);

        /** Assignment secret. */
        secret?: (swarm.Secret.$Properties|null);

        /** Assignment config. */
        config?: (swarm.Config.$Properties|null);

        /** Assignment item. */
        item?: ("task"|"secret"|"config");

        /**
         * Creates a new Assignment instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Assignment instance
         */
        static create(properties: swarm.Assignment.$Shape): swarm.Assignment & swarm.Assignment.$Shape;
        static create(properties?: swarm.Assignment.$Properties): swarm.Assignment;

        /**
         * Encodes the specified Assignment message. Does not implicitly {@link swarm.Assignment.verify|verify} messages.
         * @param message Assignment message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.Assignment.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Assignment message, length delimited. Does not implicitly {@link swarm.Assignment.verify|verify} messages.
         * @param message Assignment message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.Assignment.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an Assignment message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.Assignment & swarm.Assignment.$Shape} Assignment
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.Assignment & swarm.Assignment.$Shape;

        /**
         * Decodes an Assignment message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.Assignment & swarm.Assignment.$Shape} Assignment
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.Assignment & swarm.Assignment.$Shape;

        /**
         * Verifies an Assignment message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an Assignment message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Assignment
         */
        static fromObject(object: { [k: string]: any }): swarm.Assignment;

        /**
         * Creates a plain object from an Assignment message. Also converts values to other types if specified.
         * @param message Assignment
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.Assignment, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Assignment to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Assignment
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Assignment {

        /** Properties of an Assignment. */
        interface $Properties {

            /** Assignment task */
            task?: (swarm.Task.$Properties|null);

            /** Assignment secret */
            secret?: (swarm.Secret.$Properties|null);

            /** Assignment config */
            config?: (swarm.Config.$Properties|null);

            /** Assignment item */
            item?: ("task"|"secret"|"config");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of an Assignment. */
        type $Shape = {
          task?: swarm.Task.$Shape|null;
          secret?: swarm.Secret.$Shape|null;
          config?: swarm.Config.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ item?: undefined; task?: null; secret?: null; config?: null }|{ item?: "task"; task: swarm.Task.$Shape; secret?: null; config?: null }|{ item?: "secret"; task?: null; secret: swarm.Secret.$Shape; config?: null }|{ item?: "config"; task?: null; secret?: null; config: swarm.Config.$Shape })
        );
    }

    /**
     * Properties of an AssignmentChange.
     * @deprecated Use swarm.AssignmentChange.$Properties instead.
     */
    interface IAssignmentChange extends swarm.AssignmentChange.$Properties {
    }

    /** Represents an AssignmentChange. */
    class AssignmentChange {

        /**
         * Constructs a new AssignmentChange.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.AssignmentChange.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AssignmentChange assignment. */
        assignment?: (swarm.Assignment.$Properties|null);

        /** AssignmentChange action. */
        action: swarm.AssignmentChange.AssignmentAction;

        /**
         * Creates a new AssignmentChange instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AssignmentChange instance
         */
        static create(properties: swarm.AssignmentChange.$Shape): swarm.AssignmentChange & swarm.AssignmentChange.$Shape;
        static create(properties?: swarm.AssignmentChange.$Properties): swarm.AssignmentChange;

        /**
         * Encodes the specified AssignmentChange message. Does not implicitly {@link swarm.AssignmentChange.verify|verify} messages.
         * @param message AssignmentChange message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.AssignmentChange.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified AssignmentChange message, length delimited. Does not implicitly {@link swarm.AssignmentChange.verify|verify} messages.
         * @param message AssignmentChange message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.AssignmentChange.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AssignmentChange message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.AssignmentChange & swarm.AssignmentChange.$Shape} AssignmentChange
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.AssignmentChange & swarm.AssignmentChange.$Shape;

        /**
         * Decodes an AssignmentChange message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.AssignmentChange & swarm.AssignmentChange.$Shape} AssignmentChange
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.AssignmentChange & swarm.AssignmentChange.$Shape;

        /**
         * Verifies an AssignmentChange message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AssignmentChange message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AssignmentChange
         */
        static fromObject(object: { [k: string]: any }): swarm.AssignmentChange;

        /**
         * Creates a plain object from an AssignmentChange message. Also converts values to other types if specified.
         * @param message AssignmentChange
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.AssignmentChange, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AssignmentChange to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AssignmentChange
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AssignmentChange {

        /** Properties of an AssignmentChange. */
        interface $Properties {

            /** AssignmentChange assignment */
            assignment?: (swarm.Assignment.$Properties|null);

            /** AssignmentChange action */
            action?: (swarm.AssignmentChange.AssignmentAction|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AssignmentChange. */
        type $Shape = {
          assignment?: swarm.Assignment.$Shape|null;
          action?: swarm.AssignmentChange.AssignmentAction|null;
          $unknowns?: Uint8Array[];
        };

        /** AssignmentAction enum. */
        enum AssignmentAction {

            /** UPDATE value */
            UPDATE = 0,

            /** REMOVE value */
            REMOVE = 1
        }
    }

    /**
     * Properties of an AssignmentsMessage.
     * @deprecated Use swarm.AssignmentsMessage.$Properties instead.
     */
    interface IAssignmentsMessage extends swarm.AssignmentsMessage.$Properties {
    }

    /** Represents an AssignmentsMessage. */
    class AssignmentsMessage {

        /**
         * Constructs a new AssignmentsMessage.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.AssignmentsMessage.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AssignmentsMessage type. */
        type: swarm.AssignmentsMessage.Type;

        /** AssignmentsMessage appliesTo. */
        appliesTo: string;

        /** AssignmentsMessage resultsIn. */
        resultsIn: string;

        /** AssignmentsMessage changes. */
        changes: swarm.AssignmentChange.$Properties[];

        /**
         * Creates a new AssignmentsMessage instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AssignmentsMessage instance
         */
        static create(properties: swarm.AssignmentsMessage.$Shape): swarm.AssignmentsMessage & swarm.AssignmentsMessage.$Shape;
        static create(properties?: swarm.AssignmentsMessage.$Properties): swarm.AssignmentsMessage;

        /**
         * Encodes the specified AssignmentsMessage message. Does not implicitly {@link swarm.AssignmentsMessage.verify|verify} messages.
         * @param message AssignmentsMessage message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.AssignmentsMessage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified AssignmentsMessage message, length delimited. Does not implicitly {@link swarm.AssignmentsMessage.verify|verify} messages.
         * @param message AssignmentsMessage message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.AssignmentsMessage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AssignmentsMessage message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.AssignmentsMessage & swarm.AssignmentsMessage.$Shape} AssignmentsMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.AssignmentsMessage & swarm.AssignmentsMessage.$Shape;

        /**
         * Decodes an AssignmentsMessage message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.AssignmentsMessage & swarm.AssignmentsMessage.$Shape} AssignmentsMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.AssignmentsMessage & swarm.AssignmentsMessage.$Shape;

        /**
         * Verifies an AssignmentsMessage message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AssignmentsMessage message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AssignmentsMessage
         */
        static fromObject(object: { [k: string]: any }): swarm.AssignmentsMessage;

        /**
         * Creates a plain object from an AssignmentsMessage message. Also converts values to other types if specified.
         * @param message AssignmentsMessage
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.AssignmentsMessage, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AssignmentsMessage to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AssignmentsMessage
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AssignmentsMessage {

        /** Properties of an AssignmentsMessage. */
        interface $Properties {

            /** AssignmentsMessage type */
            type?: (swarm.AssignmentsMessage.Type|null);

            /** AssignmentsMessage appliesTo */
            appliesTo?: (string|null);

            /** AssignmentsMessage resultsIn */
            resultsIn?: (string|null);

            /** AssignmentsMessage changes */
            changes?: (swarm.AssignmentChange.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AssignmentsMessage. */
        type $Shape = {
          type?: swarm.AssignmentsMessage.Type|null;
          appliesTo?: string|null;
          resultsIn?: string|null;
          changes?: swarm.AssignmentChange.$Shape[]|null;
          $unknowns?: Uint8Array[];
        };

        /** Type enum. */
        enum Type {

            /** COMPLETE value */
            COMPLETE = 0,

            /** INCREMENTAL value */
            INCREMENTAL = 1
        }
    }

    /** Represents a Dispatcher */
    class Dispatcher extends $protobuf.rpc.Service {

        /**
         * Constructs a new Dispatcher service.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         */
        constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

        /**
         * Creates new Dispatcher service using the specified rpc implementation.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         * @returns RPC service. Useful where requests and/or responses are streamed.
         */
        static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Dispatcher;

        /** Calls Session. */
        session: swarm.Dispatcher.Session;

        /** Calls Heartbeat. */
        heartbeat: swarm.Dispatcher.Heartbeat;

        /** Calls UpdateTaskStatus. */
        updateTaskStatus: swarm.Dispatcher.UpdateTaskStatus;

        /** Calls Assignments. */
        assignments: swarm.Dispatcher.Assignments;
    }

    namespace Dispatcher {

        /**
         * Callback as used by {@link swarm.Dispatcher#session}.
         * @param error Error, if any
         * @param [response] SessionMessage
         */
        type SessionCallback = (error: (Error|null), response?: swarm.SessionMessage) => void;

        /** Calls Session. */
        type Session = {
          (request: swarm.ISessionRequest, callback: swarm.Dispatcher.SessionCallback): void;
          (request: swarm.ISessionRequest): Promise<swarm.SessionMessage>;
          readonly name: "Session";
          readonly path: "/swarm.Dispatcher/Session";
          readonly requestType: "SessionRequest";
          readonly responseType: "SessionMessage";
          readonly requestStream: undefined;
          readonly responseStream: true;
        };

        /**
         * Callback as used by {@link swarm.Dispatcher#heartbeat}.
         * @param error Error, if any
         * @param [response] HeartbeatResponse
         */
        type HeartbeatCallback = (error: (Error|null), response?: swarm.HeartbeatResponse) => void;

        /** Calls Heartbeat. */
        type Heartbeat = {
          (request: swarm.IHeartbeatRequest, callback: swarm.Dispatcher.HeartbeatCallback): void;
          (request: swarm.IHeartbeatRequest): Promise<swarm.HeartbeatResponse>;
          readonly name: "Heartbeat";
          readonly path: "/swarm.Dispatcher/Heartbeat";
          readonly requestType: "HeartbeatRequest";
          readonly responseType: "HeartbeatResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link swarm.Dispatcher#updateTaskStatus}.
         * @param error Error, if any
         * @param [response] UpdateTaskStatusResponse
         */
        type UpdateTaskStatusCallback = (error: (Error|null), response?: swarm.UpdateTaskStatusResponse) => void;

        /** Calls UpdateTaskStatus. */
        type UpdateTaskStatus = {
          (request: swarm.IUpdateTaskStatusRequest, callback: swarm.Dispatcher.UpdateTaskStatusCallback): void;
          (request: swarm.IUpdateTaskStatusRequest): Promise<swarm.UpdateTaskStatusResponse>;
          readonly name: "UpdateTaskStatus";
          readonly path: "/swarm.Dispatcher/UpdateTaskStatus";
          readonly requestType: "UpdateTaskStatusRequest";
          readonly responseType: "UpdateTaskStatusResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link swarm.Dispatcher#assignments}.
         * @param error Error, if any
         * @param [response] AssignmentsMessage
         */
        type AssignmentsCallback = (error: (Error|null), response?: swarm.AssignmentsMessage) => void;

        /** Calls Assignments. */
        type Assignments = {
          (request: swarm.IAssignmentsRequest, callback: swarm.Dispatcher.AssignmentsCallback): void;
          (request: swarm.IAssignmentsRequest): Promise<swarm.AssignmentsMessage>;
          readonly name: "Assignments";
          readonly path: "/swarm.Dispatcher/Assignments";
          readonly requestType: "AssignmentsRequest";
          readonly responseType: "AssignmentsMessage";
          readonly requestStream: undefined;
          readonly responseStream: true;
        };
    }

    /**
     * Properties of a LogLine.
     * @deprecated Use swarm.LogLine.$Properties instead.
     */
    interface ILogLine extends swarm.LogLine.$Properties {
    }

    /** Represents a LogLine. */
    class LogLine {

        /**
         * Constructs a new LogLine.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.LogLine.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LogLine taskId. */
        taskId: string;

        /** LogLine serviceId. */
        serviceId: string;

        /** LogLine nodeId. */
        nodeId: string;

        /** LogLine timestamp. */
        timestamp: Long;

        /** LogLine stream. */
        stream: swarm.LogLine.Stream;

        /** LogLine data. */
        data: Uint8Array;

        /** LogLine seq. */
        seq: Long;

        /**
         * Creates a new LogLine instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LogLine instance
         */
        static create(properties: swarm.LogLine.$Shape): swarm.LogLine & swarm.LogLine.$Shape;
        static create(properties?: swarm.LogLine.$Properties): swarm.LogLine;

        /**
         * Encodes the specified LogLine message. Does not implicitly {@link swarm.LogLine.verify|verify} messages.
         * @param message LogLine message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.LogLine.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified LogLine message, length delimited. Does not implicitly {@link swarm.LogLine.verify|verify} messages.
         * @param message LogLine message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.LogLine.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LogLine message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.LogLine & swarm.LogLine.$Shape} LogLine
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.LogLine & swarm.LogLine.$Shape;

        /**
         * Decodes a LogLine message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.LogLine & swarm.LogLine.$Shape} LogLine
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.LogLine & swarm.LogLine.$Shape;

        /**
         * Verifies a LogLine message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a LogLine message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns LogLine
         */
        static fromObject(object: { [k: string]: any }): swarm.LogLine;

        /**
         * Creates a plain object from a LogLine message. Also converts values to other types if specified.
         * @param message LogLine
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.LogLine, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LogLine to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for LogLine
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LogLine {

        /** Properties of a LogLine. */
        interface $Properties {

            /** LogLine taskId */
            taskId?: (string|null);

            /** LogLine serviceId */
            serviceId?: (string|null);

            /** LogLine nodeId */
            nodeId?: (string|null);

            /** LogLine timestamp */
            timestamp?: (Long|null);

            /** LogLine stream */
            stream?: (swarm.LogLine.Stream|null);

            /** LogLine data */
            data?: (Uint8Array|null);

            /** LogLine seq */
            seq?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LogLine. */
        type $Shape = swarm.LogLine.$Properties;

        /** Stream enum. */
        enum Stream {

            /** STDOUT value */
            STDOUT = 0,

            /** STDERR value */
            STDERR = 1
        }
    }

    /**
     * Properties of a PublishLogsRequest.
     * @deprecated Use swarm.PublishLogsRequest.$Properties instead.
     */
    interface IPublishLogsRequest extends swarm.PublishLogsRequest.$Properties {
    }

    /** Represents a PublishLogsRequest. */
    class PublishLogsRequest {

        /**
         * Constructs a new PublishLogsRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.PublishLogsRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** PublishLogsRequest lines. */
        lines: swarm.LogLine.$Properties[];

        /**
         * Creates a new PublishLogsRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns PublishLogsRequest instance
         */
        static create(properties: swarm.PublishLogsRequest.$Shape): swarm.PublishLogsRequest & swarm.PublishLogsRequest.$Shape;
        static create(properties?: swarm.PublishLogsRequest.$Properties): swarm.PublishLogsRequest;

        /**
         * Encodes the specified PublishLogsRequest message. Does not implicitly {@link swarm.PublishLogsRequest.verify|verify} messages.
         * @param message PublishLogsRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.PublishLogsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified PublishLogsRequest message, length delimited. Does not implicitly {@link swarm.PublishLogsRequest.verify|verify} messages.
         * @param message PublishLogsRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.PublishLogsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a PublishLogsRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.PublishLogsRequest & swarm.PublishLogsRequest.$Shape} PublishLogsRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.PublishLogsRequest & swarm.PublishLogsRequest.$Shape;

        /**
         * Decodes a PublishLogsRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.PublishLogsRequest & swarm.PublishLogsRequest.$Shape} PublishLogsRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.PublishLogsRequest & swarm.PublishLogsRequest.$Shape;

        /**
         * Verifies a PublishLogsRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a PublishLogsRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns PublishLogsRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.PublishLogsRequest;

        /**
         * Creates a plain object from a PublishLogsRequest message. Also converts values to other types if specified.
         * @param message PublishLogsRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.PublishLogsRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this PublishLogsRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for PublishLogsRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace PublishLogsRequest {

        /** Properties of a PublishLogsRequest. */
        interface $Properties {

            /** PublishLogsRequest lines */
            lines?: (swarm.LogLine.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a PublishLogsRequest. */
        type $Shape = swarm.PublishLogsRequest.$Properties;
    }

    /**
     * Properties of a PublishLogsResponse.
     * @deprecated Use swarm.PublishLogsResponse.$Properties instead.
     */
    interface IPublishLogsResponse extends swarm.PublishLogsResponse.$Properties {
    }

    /** Represents a PublishLogsResponse. */
    class PublishLogsResponse {

        /**
         * Constructs a new PublishLogsResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.PublishLogsResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new PublishLogsResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns PublishLogsResponse instance
         */
        static create(properties: swarm.PublishLogsResponse.$Shape): swarm.PublishLogsResponse & swarm.PublishLogsResponse.$Shape;
        static create(properties?: swarm.PublishLogsResponse.$Properties): swarm.PublishLogsResponse;

        /**
         * Encodes the specified PublishLogsResponse message. Does not implicitly {@link swarm.PublishLogsResponse.verify|verify} messages.
         * @param message PublishLogsResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.PublishLogsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified PublishLogsResponse message, length delimited. Does not implicitly {@link swarm.PublishLogsResponse.verify|verify} messages.
         * @param message PublishLogsResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.PublishLogsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a PublishLogsResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.PublishLogsResponse & swarm.PublishLogsResponse.$Shape} PublishLogsResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.PublishLogsResponse & swarm.PublishLogsResponse.$Shape;

        /**
         * Decodes a PublishLogsResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.PublishLogsResponse & swarm.PublishLogsResponse.$Shape} PublishLogsResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.PublishLogsResponse & swarm.PublishLogsResponse.$Shape;

        /**
         * Verifies a PublishLogsResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a PublishLogsResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns PublishLogsResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.PublishLogsResponse;

        /**
         * Creates a plain object from a PublishLogsResponse message. Also converts values to other types if specified.
         * @param message PublishLogsResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.PublishLogsResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this PublishLogsResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for PublishLogsResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace PublishLogsResponse {

        /** Properties of a PublishLogsResponse. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a PublishLogsResponse. */
        type $Shape = swarm.PublishLogsResponse.$Properties;
    }

    /**
     * Properties of a ListLogsRequest.
     * @deprecated Use swarm.ListLogsRequest.$Properties instead.
     */
    interface IListLogsRequest extends swarm.ListLogsRequest.$Properties {
    }

    /** Represents a ListLogsRequest. */
    class ListLogsRequest {

        /**
         * Constructs a new ListLogsRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ListLogsRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ListLogsRequest serviceId. */
        serviceId: string;

        /** ListLogsRequest taskId. */
        taskId: string;

        /** ListLogsRequest tail. */
        tail: number;

        /** ListLogsRequest since. */
        since: Long;

        /** ListLogsRequest after. */
        after: Long;

        /** ListLogsRequest waitMs. */
        waitMs: number;

        /** ListLogsRequest nodeId. */
        nodeId: string;

        /**
         * Creates a new ListLogsRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ListLogsRequest instance
         */
        static create(properties: swarm.ListLogsRequest.$Shape): swarm.ListLogsRequest & swarm.ListLogsRequest.$Shape;
        static create(properties?: swarm.ListLogsRequest.$Properties): swarm.ListLogsRequest;

        /**
         * Encodes the specified ListLogsRequest message. Does not implicitly {@link swarm.ListLogsRequest.verify|verify} messages.
         * @param message ListLogsRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ListLogsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ListLogsRequest message, length delimited. Does not implicitly {@link swarm.ListLogsRequest.verify|verify} messages.
         * @param message ListLogsRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ListLogsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ListLogsRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ListLogsRequest & swarm.ListLogsRequest.$Shape} ListLogsRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ListLogsRequest & swarm.ListLogsRequest.$Shape;

        /**
         * Decodes a ListLogsRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ListLogsRequest & swarm.ListLogsRequest.$Shape} ListLogsRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ListLogsRequest & swarm.ListLogsRequest.$Shape;

        /**
         * Verifies a ListLogsRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ListLogsRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ListLogsRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.ListLogsRequest;

        /**
         * Creates a plain object from a ListLogsRequest message. Also converts values to other types if specified.
         * @param message ListLogsRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ListLogsRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ListLogsRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ListLogsRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ListLogsRequest {

        /** Properties of a ListLogsRequest. */
        interface $Properties {

            /** ListLogsRequest serviceId */
            serviceId?: (string|null);

            /** ListLogsRequest taskId */
            taskId?: (string|null);

            /** ListLogsRequest tail */
            tail?: (number|null);

            /** ListLogsRequest since */
            since?: (Long|null);

            /** ListLogsRequest after */
            after?: (Long|null);

            /** ListLogsRequest waitMs */
            waitMs?: (number|null);

            /** ListLogsRequest nodeId */
            nodeId?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ListLogsRequest. */
        type $Shape = swarm.ListLogsRequest.$Properties;
    }

    /**
     * Properties of a ListLogsResponse.
     * @deprecated Use swarm.ListLogsResponse.$Properties instead.
     */
    interface IListLogsResponse extends swarm.ListLogsResponse.$Properties {
    }

    /** Represents a ListLogsResponse. */
    class ListLogsResponse {

        /**
         * Constructs a new ListLogsResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ListLogsResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ListLogsResponse lines. */
        lines: swarm.LogLine.$Properties[];

        /** ListLogsResponse cursor. */
        cursor: Long;

        /**
         * Creates a new ListLogsResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ListLogsResponse instance
         */
        static create(properties: swarm.ListLogsResponse.$Shape): swarm.ListLogsResponse & swarm.ListLogsResponse.$Shape;
        static create(properties?: swarm.ListLogsResponse.$Properties): swarm.ListLogsResponse;

        /**
         * Encodes the specified ListLogsResponse message. Does not implicitly {@link swarm.ListLogsResponse.verify|verify} messages.
         * @param message ListLogsResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ListLogsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ListLogsResponse message, length delimited. Does not implicitly {@link swarm.ListLogsResponse.verify|verify} messages.
         * @param message ListLogsResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ListLogsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ListLogsResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ListLogsResponse & swarm.ListLogsResponse.$Shape} ListLogsResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ListLogsResponse & swarm.ListLogsResponse.$Shape;

        /**
         * Decodes a ListLogsResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ListLogsResponse & swarm.ListLogsResponse.$Shape} ListLogsResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ListLogsResponse & swarm.ListLogsResponse.$Shape;

        /**
         * Verifies a ListLogsResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ListLogsResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ListLogsResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.ListLogsResponse;

        /**
         * Creates a plain object from a ListLogsResponse message. Also converts values to other types if specified.
         * @param message ListLogsResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ListLogsResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ListLogsResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ListLogsResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ListLogsResponse {

        /** Properties of a ListLogsResponse. */
        interface $Properties {

            /** ListLogsResponse lines */
            lines?: (swarm.LogLine.$Properties[]|null);

            /** ListLogsResponse cursor */
            cursor?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ListLogsResponse. */
        type $Shape = swarm.ListLogsResponse.$Properties;
    }

    /** Represents a LogBroker */
    class LogBroker extends $protobuf.rpc.Service {

        /**
         * Constructs a new LogBroker service.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         */
        constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

        /**
         * Creates new LogBroker service using the specified rpc implementation.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         * @returns RPC service. Useful where requests and/or responses are streamed.
         */
        static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): LogBroker;

        /** Calls PublishLogs. */
        publishLogs: swarm.LogBroker.PublishLogs;

        /** Calls ListLogs. */
        listLogs: swarm.LogBroker.ListLogs;
    }

    namespace LogBroker {

        /**
         * Callback as used by {@link swarm.LogBroker#publishLogs}.
         * @param error Error, if any
         * @param [response] PublishLogsResponse
         */
        type PublishLogsCallback = (error: (Error|null), response?: swarm.PublishLogsResponse) => void;

        /** Calls PublishLogs. */
        type PublishLogs = {
          (request: swarm.IPublishLogsRequest, callback: swarm.LogBroker.PublishLogsCallback): void;
          (request: swarm.IPublishLogsRequest): Promise<swarm.PublishLogsResponse>;
          readonly name: "PublishLogs";
          readonly path: "/swarm.LogBroker/PublishLogs";
          readonly requestType: "PublishLogsRequest";
          readonly responseType: "PublishLogsResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link swarm.LogBroker#listLogs}.
         * @param error Error, if any
         * @param [response] ListLogsResponse
         */
        type ListLogsCallback = (error: (Error|null), response?: swarm.ListLogsResponse) => void;

        /** Calls ListLogs. */
        type ListLogs = {
          (request: swarm.IListLogsRequest, callback: swarm.LogBroker.ListLogsCallback): void;
          (request: swarm.IListLogsRequest): Promise<swarm.ListLogsResponse>;
          readonly name: "ListLogs";
          readonly path: "/swarm.LogBroker/ListLogs";
          readonly requestType: "ListLogsRequest";
          readonly responseType: "ListLogsResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };
    }

    /**
     * Properties of a TaskEndpoint.
     * @deprecated Use swarm.TaskEndpoint.$Properties instead.
     */
    interface ITaskEndpoint extends swarm.TaskEndpoint.$Properties {
    }

    /** Represents a TaskEndpoint. */
    class TaskEndpoint {

        /**
         * Constructs a new TaskEndpoint.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.TaskEndpoint.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TaskEndpoint taskId. */
        taskId: string;

        /** TaskEndpoint nodeId. */
        nodeId: string;

        /** TaskEndpoint addr. */
        addr: string;

        /** TaskEndpoint port. */
        port: number;

        /**
         * Creates a new TaskEndpoint instance using the specified properties.
         * @param [properties] Properties to set
         * @returns TaskEndpoint instance
         */
        static create(properties: swarm.TaskEndpoint.$Shape): swarm.TaskEndpoint & swarm.TaskEndpoint.$Shape;
        static create(properties?: swarm.TaskEndpoint.$Properties): swarm.TaskEndpoint;

        /**
         * Encodes the specified TaskEndpoint message. Does not implicitly {@link swarm.TaskEndpoint.verify|verify} messages.
         * @param message TaskEndpoint message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.TaskEndpoint.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified TaskEndpoint message, length delimited. Does not implicitly {@link swarm.TaskEndpoint.verify|verify} messages.
         * @param message TaskEndpoint message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.TaskEndpoint.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TaskEndpoint message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.TaskEndpoint & swarm.TaskEndpoint.$Shape} TaskEndpoint
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.TaskEndpoint & swarm.TaskEndpoint.$Shape;

        /**
         * Decodes a TaskEndpoint message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.TaskEndpoint & swarm.TaskEndpoint.$Shape} TaskEndpoint
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.TaskEndpoint & swarm.TaskEndpoint.$Shape;

        /**
         * Verifies a TaskEndpoint message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a TaskEndpoint message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns TaskEndpoint
         */
        static fromObject(object: { [k: string]: any }): swarm.TaskEndpoint;

        /**
         * Creates a plain object from a TaskEndpoint message. Also converts values to other types if specified.
         * @param message TaskEndpoint
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.TaskEndpoint, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this TaskEndpoint to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for TaskEndpoint
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace TaskEndpoint {

        /** Properties of a TaskEndpoint. */
        interface $Properties {

            /** TaskEndpoint taskId */
            taskId?: (string|null);

            /** TaskEndpoint nodeId */
            nodeId?: (string|null);

            /** TaskEndpoint addr */
            addr?: (string|null);

            /** TaskEndpoint port */
            port?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TaskEndpoint. */
        type $Shape = swarm.TaskEndpoint.$Properties;
    }

    /**
     * Properties of a PublishedEndpoint.
     * @deprecated Use swarm.PublishedEndpoint.$Properties instead.
     */
    interface IPublishedEndpoint extends swarm.PublishedEndpoint.$Properties {
    }

    /** Represents a PublishedEndpoint. */
    class PublishedEndpoint {

        /**
         * Constructs a new PublishedEndpoint.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.PublishedEndpoint.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** PublishedEndpoint serviceId. */
        serviceId: string;

        /** PublishedEndpoint publishedPort. */
        publishedPort: number;

        /** PublishedEndpoint targetPort. */
        targetPort: number;

        /** PublishedEndpoint protocol. */
        protocol: swarm.PortConfig.Protocol;

        /** PublishedEndpoint tasks. */
        tasks: swarm.TaskEndpoint.$Properties[];

        /**
         * Creates a new PublishedEndpoint instance using the specified properties.
         * @param [properties] Properties to set
         * @returns PublishedEndpoint instance
         */
        static create(properties: swarm.PublishedEndpoint.$Shape): swarm.PublishedEndpoint & swarm.PublishedEndpoint.$Shape;
        static create(properties?: swarm.PublishedEndpoint.$Properties): swarm.PublishedEndpoint;

        /**
         * Encodes the specified PublishedEndpoint message. Does not implicitly {@link swarm.PublishedEndpoint.verify|verify} messages.
         * @param message PublishedEndpoint message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.PublishedEndpoint.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified PublishedEndpoint message, length delimited. Does not implicitly {@link swarm.PublishedEndpoint.verify|verify} messages.
         * @param message PublishedEndpoint message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.PublishedEndpoint.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a PublishedEndpoint message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.PublishedEndpoint & swarm.PublishedEndpoint.$Shape} PublishedEndpoint
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.PublishedEndpoint & swarm.PublishedEndpoint.$Shape;

        /**
         * Decodes a PublishedEndpoint message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.PublishedEndpoint & swarm.PublishedEndpoint.$Shape} PublishedEndpoint
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.PublishedEndpoint & swarm.PublishedEndpoint.$Shape;

        /**
         * Verifies a PublishedEndpoint message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a PublishedEndpoint message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns PublishedEndpoint
         */
        static fromObject(object: { [k: string]: any }): swarm.PublishedEndpoint;

        /**
         * Creates a plain object from a PublishedEndpoint message. Also converts values to other types if specified.
         * @param message PublishedEndpoint
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.PublishedEndpoint, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this PublishedEndpoint to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for PublishedEndpoint
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace PublishedEndpoint {

        /** Properties of a PublishedEndpoint. */
        interface $Properties {

            /** PublishedEndpoint serviceId */
            serviceId?: (string|null);

            /** PublishedEndpoint publishedPort */
            publishedPort?: (number|null);

            /** PublishedEndpoint targetPort */
            targetPort?: (number|null);

            /** PublishedEndpoint protocol */
            protocol?: (swarm.PortConfig.Protocol|null);

            /** PublishedEndpoint tasks */
            tasks?: (swarm.TaskEndpoint.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a PublishedEndpoint. */
        type $Shape = swarm.PublishedEndpoint.$Properties;
    }

    /**
     * Properties of an EndpointsRequest.
     * @deprecated Use swarm.EndpointsRequest.$Properties instead.
     */
    interface IEndpointsRequest extends swarm.EndpointsRequest.$Properties {
    }

    /** Represents an EndpointsRequest. */
    class EndpointsRequest {

        /**
         * Constructs a new EndpointsRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.EndpointsRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new EndpointsRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns EndpointsRequest instance
         */
        static create(properties: swarm.EndpointsRequest.$Shape): swarm.EndpointsRequest & swarm.EndpointsRequest.$Shape;
        static create(properties?: swarm.EndpointsRequest.$Properties): swarm.EndpointsRequest;

        /**
         * Encodes the specified EndpointsRequest message. Does not implicitly {@link swarm.EndpointsRequest.verify|verify} messages.
         * @param message EndpointsRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.EndpointsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified EndpointsRequest message, length delimited. Does not implicitly {@link swarm.EndpointsRequest.verify|verify} messages.
         * @param message EndpointsRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.EndpointsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an EndpointsRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.EndpointsRequest & swarm.EndpointsRequest.$Shape} EndpointsRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.EndpointsRequest & swarm.EndpointsRequest.$Shape;

        /**
         * Decodes an EndpointsRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.EndpointsRequest & swarm.EndpointsRequest.$Shape} EndpointsRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.EndpointsRequest & swarm.EndpointsRequest.$Shape;

        /**
         * Verifies an EndpointsRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an EndpointsRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns EndpointsRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.EndpointsRequest;

        /**
         * Creates a plain object from an EndpointsRequest message. Also converts values to other types if specified.
         * @param message EndpointsRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.EndpointsRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this EndpointsRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for EndpointsRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace EndpointsRequest {

        /** Properties of an EndpointsRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an EndpointsRequest. */
        type $Shape = swarm.EndpointsRequest.$Properties;
    }

    /**
     * Properties of an EndpointsResponse.
     * @deprecated Use swarm.EndpointsResponse.$Properties instead.
     */
    interface IEndpointsResponse extends swarm.EndpointsResponse.$Properties {
    }

    /** Represents an EndpointsResponse. */
    class EndpointsResponse {

        /**
         * Constructs a new EndpointsResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.EndpointsResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** EndpointsResponse endpoints. */
        endpoints: swarm.PublishedEndpoint.$Properties[];

        /**
         * Creates a new EndpointsResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns EndpointsResponse instance
         */
        static create(properties: swarm.EndpointsResponse.$Shape): swarm.EndpointsResponse & swarm.EndpointsResponse.$Shape;
        static create(properties?: swarm.EndpointsResponse.$Properties): swarm.EndpointsResponse;

        /**
         * Encodes the specified EndpointsResponse message. Does not implicitly {@link swarm.EndpointsResponse.verify|verify} messages.
         * @param message EndpointsResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.EndpointsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified EndpointsResponse message, length delimited. Does not implicitly {@link swarm.EndpointsResponse.verify|verify} messages.
         * @param message EndpointsResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.EndpointsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an EndpointsResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.EndpointsResponse & swarm.EndpointsResponse.$Shape} EndpointsResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.EndpointsResponse & swarm.EndpointsResponse.$Shape;

        /**
         * Decodes an EndpointsResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.EndpointsResponse & swarm.EndpointsResponse.$Shape} EndpointsResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.EndpointsResponse & swarm.EndpointsResponse.$Shape;

        /**
         * Verifies an EndpointsResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an EndpointsResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns EndpointsResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.EndpointsResponse;

        /**
         * Creates a plain object from an EndpointsResponse message. Also converts values to other types if specified.
         * @param message EndpointsResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.EndpointsResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this EndpointsResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for EndpointsResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace EndpointsResponse {

        /** Properties of an EndpointsResponse. */
        interface $Properties {

            /** EndpointsResponse endpoints */
            endpoints?: (swarm.PublishedEndpoint.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an EndpointsResponse. */
        type $Shape = swarm.EndpointsResponse.$Properties;
    }

    /** Represents an Ingress */
    class Ingress extends $protobuf.rpc.Service {

        /**
         * Constructs a new Ingress service.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         */
        constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

        /**
         * Creates new Ingress service using the specified rpc implementation.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         * @returns RPC service. Useful where requests and/or responses are streamed.
         */
        static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Ingress;

        /** Calls Endpoints. */
        endpoints: swarm.Ingress.Endpoints;
    }

    namespace Ingress {

        /**
         * Callback as used by {@link swarm.Ingress#endpoints}.
         * @param error Error, if any
         * @param [response] EndpointsResponse
         */
        type EndpointsCallback = (error: (Error|null), response?: swarm.EndpointsResponse) => void;

        /** Calls Endpoints. */
        type Endpoints = {
          (request: swarm.IEndpointsRequest, callback: swarm.Ingress.EndpointsCallback): void;
          (request: swarm.IEndpointsRequest): Promise<swarm.EndpointsResponse>;
          readonly name: "Endpoints";
          readonly path: "/swarm.Ingress/Endpoints";
          readonly requestType: "EndpointsRequest";
          readonly responseType: "EndpointsResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };
    }

    /**
     * Properties of a ViewNetwork.
     * @deprecated Use swarm.ViewNetwork.$Properties instead.
     */
    interface IViewNetwork extends swarm.ViewNetwork.$Properties {
    }

    /** Represents a ViewNetwork. */
    class ViewNetwork {

        /**
         * Constructs a new ViewNetwork.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ViewNetwork.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ViewNetwork id. */
        id: string;

        /** ViewNetwork name. */
        name: string;

        /** ViewNetwork subnet. */
        subnet: string;

        /** ViewNetwork slice. */
        slice: string;

        /** ViewNetwork gateway. */
        gateway: string;

        /**
         * Creates a new ViewNetwork instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ViewNetwork instance
         */
        static create(properties: swarm.ViewNetwork.$Shape): swarm.ViewNetwork & swarm.ViewNetwork.$Shape;
        static create(properties?: swarm.ViewNetwork.$Properties): swarm.ViewNetwork;

        /**
         * Encodes the specified ViewNetwork message. Does not implicitly {@link swarm.ViewNetwork.verify|verify} messages.
         * @param message ViewNetwork message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ViewNetwork.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ViewNetwork message, length delimited. Does not implicitly {@link swarm.ViewNetwork.verify|verify} messages.
         * @param message ViewNetwork message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ViewNetwork.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ViewNetwork message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ViewNetwork & swarm.ViewNetwork.$Shape} ViewNetwork
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ViewNetwork & swarm.ViewNetwork.$Shape;

        /**
         * Decodes a ViewNetwork message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ViewNetwork & swarm.ViewNetwork.$Shape} ViewNetwork
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ViewNetwork & swarm.ViewNetwork.$Shape;

        /**
         * Verifies a ViewNetwork message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ViewNetwork message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ViewNetwork
         */
        static fromObject(object: { [k: string]: any }): swarm.ViewNetwork;

        /**
         * Creates a plain object from a ViewNetwork message. Also converts values to other types if specified.
         * @param message ViewNetwork
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ViewNetwork, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ViewNetwork to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ViewNetwork
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ViewNetwork {

        /** Properties of a ViewNetwork. */
        interface $Properties {

            /** ViewNetwork id */
            id?: (string|null);

            /** ViewNetwork name */
            name?: (string|null);

            /** ViewNetwork subnet */
            subnet?: (string|null);

            /** ViewNetwork slice */
            slice?: (string|null);

            /** ViewNetwork gateway */
            gateway?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ViewNetwork. */
        type $Shape = swarm.ViewNetwork.$Properties;
    }

    /**
     * Properties of a ViewServiceAttachment.
     * @deprecated Use swarm.ViewServiceAttachment.$Properties instead.
     */
    interface IViewServiceAttachment extends swarm.ViewServiceAttachment.$Properties {
    }

    /** Represents a ViewServiceAttachment. */
    class ViewServiceAttachment {

        /**
         * Constructs a new ViewServiceAttachment.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ViewServiceAttachment.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ViewServiceAttachment networkId. */
        networkId: string;

        /** ViewServiceAttachment aliases. */
        aliases: string[];

        /**
         * Creates a new ViewServiceAttachment instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ViewServiceAttachment instance
         */
        static create(properties: swarm.ViewServiceAttachment.$Shape): swarm.ViewServiceAttachment & swarm.ViewServiceAttachment.$Shape;
        static create(properties?: swarm.ViewServiceAttachment.$Properties): swarm.ViewServiceAttachment;

        /**
         * Encodes the specified ViewServiceAttachment message. Does not implicitly {@link swarm.ViewServiceAttachment.verify|verify} messages.
         * @param message ViewServiceAttachment message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ViewServiceAttachment.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ViewServiceAttachment message, length delimited. Does not implicitly {@link swarm.ViewServiceAttachment.verify|verify} messages.
         * @param message ViewServiceAttachment message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ViewServiceAttachment.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ViewServiceAttachment message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ViewServiceAttachment & swarm.ViewServiceAttachment.$Shape} ViewServiceAttachment
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ViewServiceAttachment & swarm.ViewServiceAttachment.$Shape;

        /**
         * Decodes a ViewServiceAttachment message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ViewServiceAttachment & swarm.ViewServiceAttachment.$Shape} ViewServiceAttachment
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ViewServiceAttachment & swarm.ViewServiceAttachment.$Shape;

        /**
         * Verifies a ViewServiceAttachment message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ViewServiceAttachment message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ViewServiceAttachment
         */
        static fromObject(object: { [k: string]: any }): swarm.ViewServiceAttachment;

        /**
         * Creates a plain object from a ViewServiceAttachment message. Also converts values to other types if specified.
         * @param message ViewServiceAttachment
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ViewServiceAttachment, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ViewServiceAttachment to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ViewServiceAttachment
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ViewServiceAttachment {

        /** Properties of a ViewServiceAttachment. */
        interface $Properties {

            /** ViewServiceAttachment networkId */
            networkId?: (string|null);

            /** ViewServiceAttachment aliases */
            aliases?: (string[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ViewServiceAttachment. */
        type $Shape = swarm.ViewServiceAttachment.$Properties;
    }

    /**
     * Properties of a ViewService.
     * @deprecated Use swarm.ViewService.$Properties instead.
     */
    interface IViewService extends swarm.ViewService.$Properties {
    }

    /** Represents a ViewService. */
    class ViewService {

        /**
         * Constructs a new ViewService.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ViewService.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ViewService id. */
        id: string;

        /** ViewService name. */
        name: string;

        /** ViewService mode. */
        mode: string;

        /** ViewService ports. */
        ports: number[];

        /** ViewService networks. */
        networks: swarm.ViewServiceAttachment.$Properties[];

        /** ViewService vips. */
        vips: { [k: string]: string };

        /**
         * Creates a new ViewService instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ViewService instance
         */
        static create(properties: swarm.ViewService.$Shape): swarm.ViewService & swarm.ViewService.$Shape;
        static create(properties?: swarm.ViewService.$Properties): swarm.ViewService;

        /**
         * Encodes the specified ViewService message. Does not implicitly {@link swarm.ViewService.verify|verify} messages.
         * @param message ViewService message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ViewService.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ViewService message, length delimited. Does not implicitly {@link swarm.ViewService.verify|verify} messages.
         * @param message ViewService message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ViewService.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ViewService message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ViewService & swarm.ViewService.$Shape} ViewService
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ViewService & swarm.ViewService.$Shape;

        /**
         * Decodes a ViewService message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ViewService & swarm.ViewService.$Shape} ViewService
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ViewService & swarm.ViewService.$Shape;

        /**
         * Verifies a ViewService message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ViewService message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ViewService
         */
        static fromObject(object: { [k: string]: any }): swarm.ViewService;

        /**
         * Creates a plain object from a ViewService message. Also converts values to other types if specified.
         * @param message ViewService
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ViewService, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ViewService to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ViewService
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ViewService {

        /** Properties of a ViewService. */
        interface $Properties {

            /** ViewService id */
            id?: (string|null);

            /** ViewService name */
            name?: (string|null);

            /** ViewService mode */
            mode?: (string|null);

            /** ViewService ports */
            ports?: (number[]|null);

            /** ViewService networks */
            networks?: (swarm.ViewServiceAttachment.$Properties[]|null);

            /** ViewService vips */
            vips?: ({ [k: string]: string }|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ViewService. */
        type $Shape = swarm.ViewService.$Properties;
    }

    /**
     * Properties of a ViewTask.
     * @deprecated Use swarm.ViewTask.$Properties instead.
     */
    interface IViewTask extends swarm.ViewTask.$Properties {
    }

    /** Represents a ViewTask. */
    class ViewTask {

        /**
         * Constructs a new ViewTask.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ViewTask.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ViewTask id. */
        id: string;

        /** ViewTask serviceId. */
        serviceId: string;

        /** ViewTask nodeId. */
        nodeId: string;

        /** ViewTask addresses. */
        addresses: { [k: string]: string };

        /** ViewTask relayAddr. */
        relayAddr: string;

        /**
         * Creates a new ViewTask instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ViewTask instance
         */
        static create(properties: swarm.ViewTask.$Shape): swarm.ViewTask & swarm.ViewTask.$Shape;
        static create(properties?: swarm.ViewTask.$Properties): swarm.ViewTask;

        /**
         * Encodes the specified ViewTask message. Does not implicitly {@link swarm.ViewTask.verify|verify} messages.
         * @param message ViewTask message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ViewTask.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ViewTask message, length delimited. Does not implicitly {@link swarm.ViewTask.verify|verify} messages.
         * @param message ViewTask message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ViewTask.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ViewTask message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ViewTask & swarm.ViewTask.$Shape} ViewTask
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ViewTask & swarm.ViewTask.$Shape;

        /**
         * Decodes a ViewTask message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ViewTask & swarm.ViewTask.$Shape} ViewTask
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ViewTask & swarm.ViewTask.$Shape;

        /**
         * Verifies a ViewTask message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ViewTask message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ViewTask
         */
        static fromObject(object: { [k: string]: any }): swarm.ViewTask;

        /**
         * Creates a plain object from a ViewTask message. Also converts values to other types if specified.
         * @param message ViewTask
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ViewTask, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ViewTask to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ViewTask
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ViewTask {

        /** Properties of a ViewTask. */
        interface $Properties {

            /** ViewTask id */
            id?: (string|null);

            /** ViewTask serviceId */
            serviceId?: (string|null);

            /** ViewTask nodeId */
            nodeId?: (string|null);

            /** ViewTask addresses */
            addresses?: ({ [k: string]: string }|null);

            /** ViewTask relayAddr */
            relayAddr?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ViewTask. */
        type $Shape = swarm.ViewTask.$Properties;
    }

    /**
     * Properties of a NodeNetworksRequest.
     * @deprecated Use swarm.NodeNetworksRequest.$Properties instead.
     */
    interface INodeNetworksRequest extends swarm.NodeNetworksRequest.$Properties {
    }

    /** Represents a NodeNetworksRequest. */
    class NodeNetworksRequest {

        /**
         * Constructs a new NodeNetworksRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.NodeNetworksRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new NodeNetworksRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns NodeNetworksRequest instance
         */
        static create(properties: swarm.NodeNetworksRequest.$Shape): swarm.NodeNetworksRequest & swarm.NodeNetworksRequest.$Shape;
        static create(properties?: swarm.NodeNetworksRequest.$Properties): swarm.NodeNetworksRequest;

        /**
         * Encodes the specified NodeNetworksRequest message. Does not implicitly {@link swarm.NodeNetworksRequest.verify|verify} messages.
         * @param message NodeNetworksRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.NodeNetworksRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified NodeNetworksRequest message, length delimited. Does not implicitly {@link swarm.NodeNetworksRequest.verify|verify} messages.
         * @param message NodeNetworksRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.NodeNetworksRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a NodeNetworksRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.NodeNetworksRequest & swarm.NodeNetworksRequest.$Shape} NodeNetworksRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.NodeNetworksRequest & swarm.NodeNetworksRequest.$Shape;

        /**
         * Decodes a NodeNetworksRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.NodeNetworksRequest & swarm.NodeNetworksRequest.$Shape} NodeNetworksRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.NodeNetworksRequest & swarm.NodeNetworksRequest.$Shape;

        /**
         * Verifies a NodeNetworksRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a NodeNetworksRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns NodeNetworksRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.NodeNetworksRequest;

        /**
         * Creates a plain object from a NodeNetworksRequest message. Also converts values to other types if specified.
         * @param message NodeNetworksRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.NodeNetworksRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this NodeNetworksRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for NodeNetworksRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace NodeNetworksRequest {

        /** Properties of a NodeNetworksRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a NodeNetworksRequest. */
        type $Shape = swarm.NodeNetworksRequest.$Properties;
    }

    /**
     * Properties of a NodeNetworksResponse.
     * @deprecated Use swarm.NodeNetworksResponse.$Properties instead.
     */
    interface INodeNetworksResponse extends swarm.NodeNetworksResponse.$Properties {
    }

    /** Represents a NodeNetworksResponse. */
    class NodeNetworksResponse {

        /**
         * Constructs a new NodeNetworksResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.NodeNetworksResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** NodeNetworksResponse nodeId. */
        nodeId: string;

        /** NodeNetworksResponse networks. */
        networks: swarm.ViewNetwork.$Properties[];

        /** NodeNetworksResponse services. */
        services: swarm.ViewService.$Properties[];

        /** NodeNetworksResponse tasks. */
        tasks: swarm.ViewTask.$Properties[];

        /**
         * Creates a new NodeNetworksResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns NodeNetworksResponse instance
         */
        static create(properties: swarm.NodeNetworksResponse.$Shape): swarm.NodeNetworksResponse & swarm.NodeNetworksResponse.$Shape;
        static create(properties?: swarm.NodeNetworksResponse.$Properties): swarm.NodeNetworksResponse;

        /**
         * Encodes the specified NodeNetworksResponse message. Does not implicitly {@link swarm.NodeNetworksResponse.verify|verify} messages.
         * @param message NodeNetworksResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.NodeNetworksResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified NodeNetworksResponse message, length delimited. Does not implicitly {@link swarm.NodeNetworksResponse.verify|verify} messages.
         * @param message NodeNetworksResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.NodeNetworksResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a NodeNetworksResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.NodeNetworksResponse & swarm.NodeNetworksResponse.$Shape} NodeNetworksResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.NodeNetworksResponse & swarm.NodeNetworksResponse.$Shape;

        /**
         * Decodes a NodeNetworksResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.NodeNetworksResponse & swarm.NodeNetworksResponse.$Shape} NodeNetworksResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.NodeNetworksResponse & swarm.NodeNetworksResponse.$Shape;

        /**
         * Verifies a NodeNetworksResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a NodeNetworksResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns NodeNetworksResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.NodeNetworksResponse;

        /**
         * Creates a plain object from a NodeNetworksResponse message. Also converts values to other types if specified.
         * @param message NodeNetworksResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.NodeNetworksResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this NodeNetworksResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for NodeNetworksResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace NodeNetworksResponse {

        /** Properties of a NodeNetworksResponse. */
        interface $Properties {

            /** NodeNetworksResponse nodeId */
            nodeId?: (string|null);

            /** NodeNetworksResponse networks */
            networks?: (swarm.ViewNetwork.$Properties[]|null);

            /** NodeNetworksResponse services */
            services?: (swarm.ViewService.$Properties[]|null);

            /** NodeNetworksResponse tasks */
            tasks?: (swarm.ViewTask.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a NodeNetworksResponse. */
        type $Shape = swarm.NodeNetworksResponse.$Properties;
    }

    /** Represents a Networks */
    class Networks extends $protobuf.rpc.Service {

        /**
         * Constructs a new Networks service.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         */
        constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

        /**
         * Creates new Networks service using the specified rpc implementation.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         * @returns RPC service. Useful where requests and/or responses are streamed.
         */
        static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Networks;

        /** Calls NodeNetworks. */
        nodeNetworks: swarm.Networks.NodeNetworks;
    }

    namespace Networks {

        /**
         * Callback as used by {@link swarm.Networks#nodeNetworks}.
         * @param error Error, if any
         * @param [response] NodeNetworksResponse
         */
        type NodeNetworksCallback = (error: (Error|null), response?: swarm.NodeNetworksResponse) => void;

        /** Calls NodeNetworks. */
        type NodeNetworks = {
          (request: swarm.INodeNetworksRequest, callback: swarm.Networks.NodeNetworksCallback): void;
          (request: swarm.INodeNetworksRequest): Promise<swarm.NodeNetworksResponse>;
          readonly name: "NodeNetworks";
          readonly path: "/swarm.Networks/NodeNetworks";
          readonly requestType: "NodeNetworksRequest";
          readonly responseType: "NodeNetworksResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };
    }

    /** EntryType enum. */
    enum EntryType {

        /** ENTRY_NORMAL value */
        ENTRY_NORMAL = 0,

        /** ENTRY_CONF_CHANGE value */
        ENTRY_CONF_CHANGE = 1,

        /** ENTRY_CONF_CHANGE_V2 value */
        ENTRY_CONF_CHANGE_V2 = 2
    }

    /**
     * Properties of an Entry.
     * @deprecated Use swarm.Entry.$Properties instead.
     */
    interface IEntry extends swarm.Entry.$Properties {
    }

    /** Represents an Entry. */
    class Entry {

        /**
         * Constructs a new Entry.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.Entry.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Entry term. */
        term: Long;

        /** Entry index. */
        index: Long;

        /** Entry type. */
        type: swarm.EntryType;

        /** Entry data. */
        data: Uint8Array;

        /**
         * Creates a new Entry instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Entry instance
         */
        static create(properties: swarm.Entry.$Shape): swarm.Entry & swarm.Entry.$Shape;
        static create(properties?: swarm.Entry.$Properties): swarm.Entry;

        /**
         * Encodes the specified Entry message. Does not implicitly {@link swarm.Entry.verify|verify} messages.
         * @param message Entry message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.Entry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Entry message, length delimited. Does not implicitly {@link swarm.Entry.verify|verify} messages.
         * @param message Entry message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.Entry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an Entry message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.Entry & swarm.Entry.$Shape} Entry
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.Entry & swarm.Entry.$Shape;

        /**
         * Decodes an Entry message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.Entry & swarm.Entry.$Shape} Entry
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.Entry & swarm.Entry.$Shape;

        /**
         * Verifies an Entry message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an Entry message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Entry
         */
        static fromObject(object: { [k: string]: any }): swarm.Entry;

        /**
         * Creates a plain object from an Entry message. Also converts values to other types if specified.
         * @param message Entry
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.Entry, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Entry to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Entry
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Entry {

        /** Properties of an Entry. */
        interface $Properties {

            /** Entry term */
            term?: (Long|null);

            /** Entry index */
            index?: (Long|null);

            /** Entry type */
            type?: (swarm.EntryType|null);

            /** Entry data */
            data?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an Entry. */
        type $Shape = swarm.Entry.$Properties;
    }

    /**
     * Properties of a ConfState.
     * @deprecated Use swarm.ConfState.$Properties instead.
     */
    interface IConfState extends swarm.ConfState.$Properties {
    }

    /** Represents a ConfState. */
    class ConfState {

        /**
         * Constructs a new ConfState.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ConfState.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ConfState voters. */
        voters: Long[];

        /** ConfState learners. */
        learners: Long[];

        /** ConfState votersOutgoing. */
        votersOutgoing: Long[];

        /** ConfState learnersNext. */
        learnersNext: Long[];

        /** ConfState autoLeave. */
        autoLeave: boolean;

        /**
         * Creates a new ConfState instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ConfState instance
         */
        static create(properties: swarm.ConfState.$Shape): swarm.ConfState & swarm.ConfState.$Shape;
        static create(properties?: swarm.ConfState.$Properties): swarm.ConfState;

        /**
         * Encodes the specified ConfState message. Does not implicitly {@link swarm.ConfState.verify|verify} messages.
         * @param message ConfState message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ConfState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ConfState message, length delimited. Does not implicitly {@link swarm.ConfState.verify|verify} messages.
         * @param message ConfState message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ConfState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ConfState message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ConfState & swarm.ConfState.$Shape} ConfState
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ConfState & swarm.ConfState.$Shape;

        /**
         * Decodes a ConfState message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ConfState & swarm.ConfState.$Shape} ConfState
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ConfState & swarm.ConfState.$Shape;

        /**
         * Verifies a ConfState message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ConfState message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ConfState
         */
        static fromObject(object: { [k: string]: any }): swarm.ConfState;

        /**
         * Creates a plain object from a ConfState message. Also converts values to other types if specified.
         * @param message ConfState
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ConfState, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ConfState to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ConfState
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ConfState {

        /** Properties of a ConfState. */
        interface $Properties {

            /** ConfState voters */
            voters?: (Long[]|null);

            /** ConfState learners */
            learners?: (Long[]|null);

            /** ConfState votersOutgoing */
            votersOutgoing?: (Long[]|null);

            /** ConfState learnersNext */
            learnersNext?: (Long[]|null);

            /** ConfState autoLeave */
            autoLeave?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ConfState. */
        type $Shape = swarm.ConfState.$Properties;
    }

    /**
     * Properties of a SnapshotMetadata.
     * @deprecated Use swarm.SnapshotMetadata.$Properties instead.
     */
    interface ISnapshotMetadata extends swarm.SnapshotMetadata.$Properties {
    }

    /** Represents a SnapshotMetadata. */
    class SnapshotMetadata {

        /**
         * Constructs a new SnapshotMetadata.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.SnapshotMetadata.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SnapshotMetadata confState. */
        confState?: (swarm.ConfState.$Properties|null);

        /** SnapshotMetadata index. */
        index: Long;

        /** SnapshotMetadata term. */
        term: Long;

        /**
         * Creates a new SnapshotMetadata instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SnapshotMetadata instance
         */
        static create(properties: swarm.SnapshotMetadata.$Shape): swarm.SnapshotMetadata & swarm.SnapshotMetadata.$Shape;
        static create(properties?: swarm.SnapshotMetadata.$Properties): swarm.SnapshotMetadata;

        /**
         * Encodes the specified SnapshotMetadata message. Does not implicitly {@link swarm.SnapshotMetadata.verify|verify} messages.
         * @param message SnapshotMetadata message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.SnapshotMetadata.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified SnapshotMetadata message, length delimited. Does not implicitly {@link swarm.SnapshotMetadata.verify|verify} messages.
         * @param message SnapshotMetadata message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.SnapshotMetadata.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SnapshotMetadata message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.SnapshotMetadata & swarm.SnapshotMetadata.$Shape} SnapshotMetadata
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.SnapshotMetadata & swarm.SnapshotMetadata.$Shape;

        /**
         * Decodes a SnapshotMetadata message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.SnapshotMetadata & swarm.SnapshotMetadata.$Shape} SnapshotMetadata
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.SnapshotMetadata & swarm.SnapshotMetadata.$Shape;

        /**
         * Verifies a SnapshotMetadata message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a SnapshotMetadata message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns SnapshotMetadata
         */
        static fromObject(object: { [k: string]: any }): swarm.SnapshotMetadata;

        /**
         * Creates a plain object from a SnapshotMetadata message. Also converts values to other types if specified.
         * @param message SnapshotMetadata
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.SnapshotMetadata, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this SnapshotMetadata to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for SnapshotMetadata
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace SnapshotMetadata {

        /** Properties of a SnapshotMetadata. */
        interface $Properties {

            /** SnapshotMetadata confState */
            confState?: (swarm.ConfState.$Properties|null);

            /** SnapshotMetadata index */
            index?: (Long|null);

            /** SnapshotMetadata term */
            term?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SnapshotMetadata. */
        type $Shape = swarm.SnapshotMetadata.$Properties;
    }

    /**
     * Properties of a Snapshot.
     * @deprecated Use swarm.Snapshot.$Properties instead.
     */
    interface ISnapshot extends swarm.Snapshot.$Properties {
    }

    /** Represents a Snapshot. */
    class Snapshot {

        /**
         * Constructs a new Snapshot.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.Snapshot.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Snapshot data. */
        data: Uint8Array;

        /** Snapshot metadata. */
        metadata?: (swarm.SnapshotMetadata.$Properties|null);

        /**
         * Creates a new Snapshot instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Snapshot instance
         */
        static create(properties: swarm.Snapshot.$Shape): swarm.Snapshot & swarm.Snapshot.$Shape;
        static create(properties?: swarm.Snapshot.$Properties): swarm.Snapshot;

        /**
         * Encodes the specified Snapshot message. Does not implicitly {@link swarm.Snapshot.verify|verify} messages.
         * @param message Snapshot message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.Snapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Snapshot message, length delimited. Does not implicitly {@link swarm.Snapshot.verify|verify} messages.
         * @param message Snapshot message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.Snapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Snapshot message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.Snapshot & swarm.Snapshot.$Shape} Snapshot
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.Snapshot & swarm.Snapshot.$Shape;

        /**
         * Decodes a Snapshot message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.Snapshot & swarm.Snapshot.$Shape} Snapshot
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.Snapshot & swarm.Snapshot.$Shape;

        /**
         * Verifies a Snapshot message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a Snapshot message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Snapshot
         */
        static fromObject(object: { [k: string]: any }): swarm.Snapshot;

        /**
         * Creates a plain object from a Snapshot message. Also converts values to other types if specified.
         * @param message Snapshot
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.Snapshot, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Snapshot to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Snapshot
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Snapshot {

        /** Properties of a Snapshot. */
        interface $Properties {

            /** Snapshot data */
            data?: (Uint8Array|null);

            /** Snapshot metadata */
            metadata?: (swarm.SnapshotMetadata.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Snapshot. */
        type $Shape = swarm.Snapshot.$Properties;
    }

    /**
     * Properties of a HardState.
     * @deprecated Use swarm.HardState.$Properties instead.
     */
    interface IHardState extends swarm.HardState.$Properties {
    }

    /** Represents a HardState. */
    class HardState {

        /**
         * Constructs a new HardState.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.HardState.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** HardState term. */
        term: Long;

        /** HardState vote. */
        vote: Long;

        /** HardState commit. */
        commit: Long;

        /**
         * Creates a new HardState instance using the specified properties.
         * @param [properties] Properties to set
         * @returns HardState instance
         */
        static create(properties: swarm.HardState.$Shape): swarm.HardState & swarm.HardState.$Shape;
        static create(properties?: swarm.HardState.$Properties): swarm.HardState;

        /**
         * Encodes the specified HardState message. Does not implicitly {@link swarm.HardState.verify|verify} messages.
         * @param message HardState message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.HardState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified HardState message, length delimited. Does not implicitly {@link swarm.HardState.verify|verify} messages.
         * @param message HardState message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.HardState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a HardState message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.HardState & swarm.HardState.$Shape} HardState
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.HardState & swarm.HardState.$Shape;

        /**
         * Decodes a HardState message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.HardState & swarm.HardState.$Shape} HardState
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.HardState & swarm.HardState.$Shape;

        /**
         * Verifies a HardState message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a HardState message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns HardState
         */
        static fromObject(object: { [k: string]: any }): swarm.HardState;

        /**
         * Creates a plain object from a HardState message. Also converts values to other types if specified.
         * @param message HardState
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.HardState, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this HardState to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for HardState
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace HardState {

        /** Properties of a HardState. */
        interface $Properties {

            /** HardState term */
            term?: (Long|null);

            /** HardState vote */
            vote?: (Long|null);

            /** HardState commit */
            commit?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a HardState. */
        type $Shape = swarm.HardState.$Properties;
    }

    /** MessageType enum. */
    enum MessageType {

        /** MSG_HUP value */
        MSG_HUP = 0,

        /** MSG_BEAT value */
        MSG_BEAT = 1,

        /** MSG_PROP value */
        MSG_PROP = 2,

        /** MSG_APP value */
        MSG_APP = 3,

        /** MSG_APP_RESP value */
        MSG_APP_RESP = 4,

        /** MSG_VOTE value */
        MSG_VOTE = 5,

        /** MSG_VOTE_RESP value */
        MSG_VOTE_RESP = 6,

        /** MSG_SNAP value */
        MSG_SNAP = 7,

        /** MSG_HEARTBEAT value */
        MSG_HEARTBEAT = 8,

        /** MSG_HEARTBEAT_RESP value */
        MSG_HEARTBEAT_RESP = 9,

        /** MSG_UNREACHABLE value */
        MSG_UNREACHABLE = 10,

        /** MSG_SNAP_STATUS value */
        MSG_SNAP_STATUS = 11,

        /** MSG_CHECK_QUORUM value */
        MSG_CHECK_QUORUM = 12,

        /** MSG_TRANSFER_LEADER value */
        MSG_TRANSFER_LEADER = 13,

        /** MSG_TIMEOUT_NOW value */
        MSG_TIMEOUT_NOW = 14,

        /** MSG_READ_INDEX value */
        MSG_READ_INDEX = 15,

        /** MSG_READ_INDEX_RESP value */
        MSG_READ_INDEX_RESP = 16,

        /** MSG_PRE_VOTE value */
        MSG_PRE_VOTE = 17,

        /** MSG_PRE_VOTE_RESP value */
        MSG_PRE_VOTE_RESP = 18
    }

    /**
     * Properties of a Message.
     * @deprecated Use swarm.Message.$Properties instead.
     */
    interface IMessage extends swarm.Message.$Properties {
    }

    /** Represents a Message. */
    class Message {

        /**
         * Constructs a new Message.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.Message.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Message type. */
        type: swarm.MessageType;

        /** Message to. */
        to: Long;

        /** Message from. */
        from: Long;

        /** Message term. */
        term: Long;

        /** Message logTerm. */
        logTerm: Long;

        /** Message index. */
        index: Long;

        /** Message entries. */
        entries: swarm.Entry.$Properties[];

        /** Message commit. */
        commit: Long;

        /** Message snapshot. */
        snapshot?: (swarm.Snapshot.$Properties|null);

        /** Message reject. */
        reject: boolean;

        /** Message rejectHint. */
        rejectHint: Long;

        /** Message context. */
        context: Uint8Array;

        /**
         * Creates a new Message instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Message instance
         */
        static create(properties: swarm.Message.$Shape): swarm.Message & swarm.Message.$Shape;
        static create(properties?: swarm.Message.$Properties): swarm.Message;

        /**
         * Encodes the specified Message message. Does not implicitly {@link swarm.Message.verify|verify} messages.
         * @param message Message message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.Message.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Message message, length delimited. Does not implicitly {@link swarm.Message.verify|verify} messages.
         * @param message Message message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.Message.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Message message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.Message & swarm.Message.$Shape} Message
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.Message & swarm.Message.$Shape;

        /**
         * Decodes a Message message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.Message & swarm.Message.$Shape} Message
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.Message & swarm.Message.$Shape;

        /**
         * Verifies a Message message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a Message message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Message
         */
        static fromObject(object: { [k: string]: any }): swarm.Message;

        /**
         * Creates a plain object from a Message message. Also converts values to other types if specified.
         * @param message Message
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.Message, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Message to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Message
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Message {

        /** Properties of a Message. */
        interface $Properties {

            /** Message type */
            type?: (swarm.MessageType|null);

            /** Message to */
            to?: (Long|null);

            /** Message from */
            from?: (Long|null);

            /** Message term */
            term?: (Long|null);

            /** Message logTerm */
            logTerm?: (Long|null);

            /** Message index */
            index?: (Long|null);

            /** Message entries */
            entries?: (swarm.Entry.$Properties[]|null);

            /** Message commit */
            commit?: (Long|null);

            /** Message snapshot */
            snapshot?: (swarm.Snapshot.$Properties|null);

            /** Message reject */
            reject?: (boolean|null);

            /** Message rejectHint */
            rejectHint?: (Long|null);

            /** Message context */
            context?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Message. */
        type $Shape = swarm.Message.$Properties;
    }

    /** ConfChangeType enum. */
    enum ConfChangeType {

        /** CONF_CHANGE_ADD_NODE value */
        CONF_CHANGE_ADD_NODE = 0,

        /** CONF_CHANGE_REMOVE_NODE value */
        CONF_CHANGE_REMOVE_NODE = 1,

        /** CONF_CHANGE_UPDATE_NODE value */
        CONF_CHANGE_UPDATE_NODE = 2,

        /** CONF_CHANGE_ADD_LEARNER_NODE value */
        CONF_CHANGE_ADD_LEARNER_NODE = 3
    }

    /**
     * Properties of a ConfChange.
     * @deprecated Use swarm.ConfChange.$Properties instead.
     */
    interface IConfChange extends swarm.ConfChange.$Properties {
    }

    /** Represents a ConfChange. */
    class ConfChange {

        /**
         * Constructs a new ConfChange.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ConfChange.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ConfChange type. */
        type: swarm.ConfChangeType;

        /** ConfChange nodeId. */
        nodeId: Long;

        /** ConfChange context. */
        context: Uint8Array;

        /** ConfChange id. */
        id: Long;

        /**
         * Creates a new ConfChange instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ConfChange instance
         */
        static create(properties: swarm.ConfChange.$Shape): swarm.ConfChange & swarm.ConfChange.$Shape;
        static create(properties?: swarm.ConfChange.$Properties): swarm.ConfChange;

        /**
         * Encodes the specified ConfChange message. Does not implicitly {@link swarm.ConfChange.verify|verify} messages.
         * @param message ConfChange message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ConfChange.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ConfChange message, length delimited. Does not implicitly {@link swarm.ConfChange.verify|verify} messages.
         * @param message ConfChange message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ConfChange.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ConfChange message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ConfChange & swarm.ConfChange.$Shape} ConfChange
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ConfChange & swarm.ConfChange.$Shape;

        /**
         * Decodes a ConfChange message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ConfChange & swarm.ConfChange.$Shape} ConfChange
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ConfChange & swarm.ConfChange.$Shape;

        /**
         * Verifies a ConfChange message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ConfChange message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ConfChange
         */
        static fromObject(object: { [k: string]: any }): swarm.ConfChange;

        /**
         * Creates a plain object from a ConfChange message. Also converts values to other types if specified.
         * @param message ConfChange
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ConfChange, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ConfChange to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ConfChange
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ConfChange {

        /** Properties of a ConfChange. */
        interface $Properties {

            /** ConfChange type */
            type?: (swarm.ConfChangeType|null);

            /** ConfChange nodeId */
            nodeId?: (Long|null);

            /** ConfChange context */
            context?: (Uint8Array|null);

            /** ConfChange id */
            id?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ConfChange. */
        type $Shape = swarm.ConfChange.$Properties;
    }

    /**
     * Properties of a ConfChangeSingle.
     * @deprecated Use swarm.ConfChangeSingle.$Properties instead.
     */
    interface IConfChangeSingle extends swarm.ConfChangeSingle.$Properties {
    }

    /** Represents a ConfChangeSingle. */
    class ConfChangeSingle {

        /**
         * Constructs a new ConfChangeSingle.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ConfChangeSingle.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ConfChangeSingle type. */
        type: swarm.ConfChangeType;

        /** ConfChangeSingle nodeId. */
        nodeId: Long;

        /**
         * Creates a new ConfChangeSingle instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ConfChangeSingle instance
         */
        static create(properties: swarm.ConfChangeSingle.$Shape): swarm.ConfChangeSingle & swarm.ConfChangeSingle.$Shape;
        static create(properties?: swarm.ConfChangeSingle.$Properties): swarm.ConfChangeSingle;

        /**
         * Encodes the specified ConfChangeSingle message. Does not implicitly {@link swarm.ConfChangeSingle.verify|verify} messages.
         * @param message ConfChangeSingle message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ConfChangeSingle.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ConfChangeSingle message, length delimited. Does not implicitly {@link swarm.ConfChangeSingle.verify|verify} messages.
         * @param message ConfChangeSingle message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ConfChangeSingle.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ConfChangeSingle message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ConfChangeSingle & swarm.ConfChangeSingle.$Shape} ConfChangeSingle
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ConfChangeSingle & swarm.ConfChangeSingle.$Shape;

        /**
         * Decodes a ConfChangeSingle message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ConfChangeSingle & swarm.ConfChangeSingle.$Shape} ConfChangeSingle
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ConfChangeSingle & swarm.ConfChangeSingle.$Shape;

        /**
         * Verifies a ConfChangeSingle message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ConfChangeSingle message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ConfChangeSingle
         */
        static fromObject(object: { [k: string]: any }): swarm.ConfChangeSingle;

        /**
         * Creates a plain object from a ConfChangeSingle message. Also converts values to other types if specified.
         * @param message ConfChangeSingle
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ConfChangeSingle, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ConfChangeSingle to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ConfChangeSingle
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ConfChangeSingle {

        /** Properties of a ConfChangeSingle. */
        interface $Properties {

            /** ConfChangeSingle type */
            type?: (swarm.ConfChangeType|null);

            /** ConfChangeSingle nodeId */
            nodeId?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ConfChangeSingle. */
        type $Shape = swarm.ConfChangeSingle.$Properties;
    }

    /** ConfChangeTransition enum. */
    enum ConfChangeTransition {

        /** CONF_CHANGE_TRANSITION_AUTO value */
        CONF_CHANGE_TRANSITION_AUTO = 0,

        /** CONF_CHANGE_TRANSITION_JOINT_IMPLICIT value */
        CONF_CHANGE_TRANSITION_JOINT_IMPLICIT = 1,

        /** CONF_CHANGE_TRANSITION_JOINT_EXPLICIT value */
        CONF_CHANGE_TRANSITION_JOINT_EXPLICIT = 2
    }

    /**
     * Properties of a ConfChangeV2.
     * @deprecated Use swarm.ConfChangeV2.$Properties instead.
     */
    interface IConfChangeV2 extends swarm.ConfChangeV2.$Properties {
    }

    /** Represents a ConfChangeV2. */
    class ConfChangeV2 {

        /**
         * Constructs a new ConfChangeV2.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ConfChangeV2.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ConfChangeV2 transition. */
        transition: swarm.ConfChangeTransition;

        /** ConfChangeV2 changes. */
        changes: swarm.ConfChangeSingle.$Properties[];

        /** ConfChangeV2 context. */
        context: Uint8Array;

        /**
         * Creates a new ConfChangeV2 instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ConfChangeV2 instance
         */
        static create(properties: swarm.ConfChangeV2.$Shape): swarm.ConfChangeV2 & swarm.ConfChangeV2.$Shape;
        static create(properties?: swarm.ConfChangeV2.$Properties): swarm.ConfChangeV2;

        /**
         * Encodes the specified ConfChangeV2 message. Does not implicitly {@link swarm.ConfChangeV2.verify|verify} messages.
         * @param message ConfChangeV2 message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ConfChangeV2.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ConfChangeV2 message, length delimited. Does not implicitly {@link swarm.ConfChangeV2.verify|verify} messages.
         * @param message ConfChangeV2 message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ConfChangeV2.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ConfChangeV2 message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ConfChangeV2 & swarm.ConfChangeV2.$Shape} ConfChangeV2
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ConfChangeV2 & swarm.ConfChangeV2.$Shape;

        /**
         * Decodes a ConfChangeV2 message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ConfChangeV2 & swarm.ConfChangeV2.$Shape} ConfChangeV2
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ConfChangeV2 & swarm.ConfChangeV2.$Shape;

        /**
         * Verifies a ConfChangeV2 message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ConfChangeV2 message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ConfChangeV2
         */
        static fromObject(object: { [k: string]: any }): swarm.ConfChangeV2;

        /**
         * Creates a plain object from a ConfChangeV2 message. Also converts values to other types if specified.
         * @param message ConfChangeV2
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ConfChangeV2, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ConfChangeV2 to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ConfChangeV2
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ConfChangeV2 {

        /** Properties of a ConfChangeV2. */
        interface $Properties {

            /** ConfChangeV2 transition */
            transition?: (swarm.ConfChangeTransition|null);

            /** ConfChangeV2 changes */
            changes?: (swarm.ConfChangeSingle.$Properties[]|null);

            /** ConfChangeV2 context */
            context?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ConfChangeV2. */
        type $Shape = swarm.ConfChangeV2.$Properties;
    }

    /**
     * Properties of a RaftMember.
     * @deprecated Use swarm.RaftMember.$Properties instead.
     */
    interface IRaftMember extends swarm.RaftMember.$Properties {
    }

    /** Represents a RaftMember. */
    class RaftMember {

        /**
         * Constructs a new RaftMember.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.RaftMember.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RaftMember raftId. */
        raftId: Long;

        /** RaftMember nodeId. */
        nodeId: string;

        /** RaftMember addr. */
        addr: string;

        /**
         * Creates a new RaftMember instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RaftMember instance
         */
        static create(properties: swarm.RaftMember.$Shape): swarm.RaftMember & swarm.RaftMember.$Shape;
        static create(properties?: swarm.RaftMember.$Properties): swarm.RaftMember;

        /**
         * Encodes the specified RaftMember message. Does not implicitly {@link swarm.RaftMember.verify|verify} messages.
         * @param message RaftMember message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.RaftMember.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified RaftMember message, length delimited. Does not implicitly {@link swarm.RaftMember.verify|verify} messages.
         * @param message RaftMember message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.RaftMember.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RaftMember message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.RaftMember & swarm.RaftMember.$Shape} RaftMember
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.RaftMember & swarm.RaftMember.$Shape;

        /**
         * Decodes a RaftMember message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.RaftMember & swarm.RaftMember.$Shape} RaftMember
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.RaftMember & swarm.RaftMember.$Shape;

        /**
         * Verifies a RaftMember message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a RaftMember message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns RaftMember
         */
        static fromObject(object: { [k: string]: any }): swarm.RaftMember;

        /**
         * Creates a plain object from a RaftMember message. Also converts values to other types if specified.
         * @param message RaftMember
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.RaftMember, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this RaftMember to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for RaftMember
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace RaftMember {

        /** Properties of a RaftMember. */
        interface $Properties {

            /** RaftMember raftId */
            raftId?: (Long|null);

            /** RaftMember nodeId */
            nodeId?: (string|null);

            /** RaftMember addr */
            addr?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RaftMember. */
        type $Shape = swarm.RaftMember.$Properties;
    }

    /**
     * Properties of a ProcessRaftMessageRequest.
     * @deprecated Use swarm.ProcessRaftMessageRequest.$Properties instead.
     */
    interface IProcessRaftMessageRequest extends swarm.ProcessRaftMessageRequest.$Properties {
    }

    /** Represents a ProcessRaftMessageRequest. */
    class ProcessRaftMessageRequest {

        /**
         * Constructs a new ProcessRaftMessageRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ProcessRaftMessageRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ProcessRaftMessageRequest message. */
        message?: (swarm.Message.$Properties|null);

        /**
         * Creates a new ProcessRaftMessageRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ProcessRaftMessageRequest instance
         */
        static create(properties: swarm.ProcessRaftMessageRequest.$Shape): swarm.ProcessRaftMessageRequest & swarm.ProcessRaftMessageRequest.$Shape;
        static create(properties?: swarm.ProcessRaftMessageRequest.$Properties): swarm.ProcessRaftMessageRequest;

        /**
         * Encodes the specified ProcessRaftMessageRequest message. Does not implicitly {@link swarm.ProcessRaftMessageRequest.verify|verify} messages.
         * @param message ProcessRaftMessageRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ProcessRaftMessageRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ProcessRaftMessageRequest message, length delimited. Does not implicitly {@link swarm.ProcessRaftMessageRequest.verify|verify} messages.
         * @param message ProcessRaftMessageRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ProcessRaftMessageRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ProcessRaftMessageRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ProcessRaftMessageRequest & swarm.ProcessRaftMessageRequest.$Shape} ProcessRaftMessageRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ProcessRaftMessageRequest & swarm.ProcessRaftMessageRequest.$Shape;

        /**
         * Decodes a ProcessRaftMessageRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ProcessRaftMessageRequest & swarm.ProcessRaftMessageRequest.$Shape} ProcessRaftMessageRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ProcessRaftMessageRequest & swarm.ProcessRaftMessageRequest.$Shape;

        /**
         * Verifies a ProcessRaftMessageRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ProcessRaftMessageRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ProcessRaftMessageRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.ProcessRaftMessageRequest;

        /**
         * Creates a plain object from a ProcessRaftMessageRequest message. Also converts values to other types if specified.
         * @param message ProcessRaftMessageRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ProcessRaftMessageRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ProcessRaftMessageRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ProcessRaftMessageRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ProcessRaftMessageRequest {

        /** Properties of a ProcessRaftMessageRequest. */
        interface $Properties {

            /** ProcessRaftMessageRequest message */
            message?: (swarm.Message.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ProcessRaftMessageRequest. */
        type $Shape = swarm.ProcessRaftMessageRequest.$Properties;
    }

    /**
     * Properties of a ProcessRaftMessageResponse.
     * @deprecated Use swarm.ProcessRaftMessageResponse.$Properties instead.
     */
    interface IProcessRaftMessageResponse extends swarm.ProcessRaftMessageResponse.$Properties {
    }

    /** Represents a ProcessRaftMessageResponse. */
    class ProcessRaftMessageResponse {

        /**
         * Constructs a new ProcessRaftMessageResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ProcessRaftMessageResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new ProcessRaftMessageResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ProcessRaftMessageResponse instance
         */
        static create(properties: swarm.ProcessRaftMessageResponse.$Shape): swarm.ProcessRaftMessageResponse & swarm.ProcessRaftMessageResponse.$Shape;
        static create(properties?: swarm.ProcessRaftMessageResponse.$Properties): swarm.ProcessRaftMessageResponse;

        /**
         * Encodes the specified ProcessRaftMessageResponse message. Does not implicitly {@link swarm.ProcessRaftMessageResponse.verify|verify} messages.
         * @param message ProcessRaftMessageResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ProcessRaftMessageResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ProcessRaftMessageResponse message, length delimited. Does not implicitly {@link swarm.ProcessRaftMessageResponse.verify|verify} messages.
         * @param message ProcessRaftMessageResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ProcessRaftMessageResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ProcessRaftMessageResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ProcessRaftMessageResponse & swarm.ProcessRaftMessageResponse.$Shape} ProcessRaftMessageResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ProcessRaftMessageResponse & swarm.ProcessRaftMessageResponse.$Shape;

        /**
         * Decodes a ProcessRaftMessageResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ProcessRaftMessageResponse & swarm.ProcessRaftMessageResponse.$Shape} ProcessRaftMessageResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ProcessRaftMessageResponse & swarm.ProcessRaftMessageResponse.$Shape;

        /**
         * Verifies a ProcessRaftMessageResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ProcessRaftMessageResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ProcessRaftMessageResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.ProcessRaftMessageResponse;

        /**
         * Creates a plain object from a ProcessRaftMessageResponse message. Also converts values to other types if specified.
         * @param message ProcessRaftMessageResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ProcessRaftMessageResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ProcessRaftMessageResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ProcessRaftMessageResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ProcessRaftMessageResponse {

        /** Properties of a ProcessRaftMessageResponse. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ProcessRaftMessageResponse. */
        type $Shape = swarm.ProcessRaftMessageResponse.$Properties;
    }

    /**
     * Properties of a StreamRaftMessageRequest.
     * @deprecated Use swarm.StreamRaftMessageRequest.$Properties instead.
     */
    interface IStreamRaftMessageRequest extends swarm.StreamRaftMessageRequest.$Properties {
    }

    /** Represents a StreamRaftMessageRequest. */
    class StreamRaftMessageRequest {

        /**
         * Constructs a new StreamRaftMessageRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.StreamRaftMessageRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** StreamRaftMessageRequest message. */
        message?: (swarm.Message.$Properties|null);

        /**
         * Creates a new StreamRaftMessageRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns StreamRaftMessageRequest instance
         */
        static create(properties: swarm.StreamRaftMessageRequest.$Shape): swarm.StreamRaftMessageRequest & swarm.StreamRaftMessageRequest.$Shape;
        static create(properties?: swarm.StreamRaftMessageRequest.$Properties): swarm.StreamRaftMessageRequest;

        /**
         * Encodes the specified StreamRaftMessageRequest message. Does not implicitly {@link swarm.StreamRaftMessageRequest.verify|verify} messages.
         * @param message StreamRaftMessageRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.StreamRaftMessageRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified StreamRaftMessageRequest message, length delimited. Does not implicitly {@link swarm.StreamRaftMessageRequest.verify|verify} messages.
         * @param message StreamRaftMessageRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.StreamRaftMessageRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a StreamRaftMessageRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.StreamRaftMessageRequest & swarm.StreamRaftMessageRequest.$Shape} StreamRaftMessageRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.StreamRaftMessageRequest & swarm.StreamRaftMessageRequest.$Shape;

        /**
         * Decodes a StreamRaftMessageRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.StreamRaftMessageRequest & swarm.StreamRaftMessageRequest.$Shape} StreamRaftMessageRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.StreamRaftMessageRequest & swarm.StreamRaftMessageRequest.$Shape;

        /**
         * Verifies a StreamRaftMessageRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a StreamRaftMessageRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns StreamRaftMessageRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.StreamRaftMessageRequest;

        /**
         * Creates a plain object from a StreamRaftMessageRequest message. Also converts values to other types if specified.
         * @param message StreamRaftMessageRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.StreamRaftMessageRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this StreamRaftMessageRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for StreamRaftMessageRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace StreamRaftMessageRequest {

        /** Properties of a StreamRaftMessageRequest. */
        interface $Properties {

            /** StreamRaftMessageRequest message */
            message?: (swarm.Message.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a StreamRaftMessageRequest. */
        type $Shape = swarm.StreamRaftMessageRequest.$Properties;
    }

    /**
     * Properties of a StreamRaftMessageResponse.
     * @deprecated Use swarm.StreamRaftMessageResponse.$Properties instead.
     */
    interface IStreamRaftMessageResponse extends swarm.StreamRaftMessageResponse.$Properties {
    }

    /** Represents a StreamRaftMessageResponse. */
    class StreamRaftMessageResponse {

        /**
         * Constructs a new StreamRaftMessageResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.StreamRaftMessageResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new StreamRaftMessageResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns StreamRaftMessageResponse instance
         */
        static create(properties: swarm.StreamRaftMessageResponse.$Shape): swarm.StreamRaftMessageResponse & swarm.StreamRaftMessageResponse.$Shape;
        static create(properties?: swarm.StreamRaftMessageResponse.$Properties): swarm.StreamRaftMessageResponse;

        /**
         * Encodes the specified StreamRaftMessageResponse message. Does not implicitly {@link swarm.StreamRaftMessageResponse.verify|verify} messages.
         * @param message StreamRaftMessageResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.StreamRaftMessageResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified StreamRaftMessageResponse message, length delimited. Does not implicitly {@link swarm.StreamRaftMessageResponse.verify|verify} messages.
         * @param message StreamRaftMessageResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.StreamRaftMessageResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a StreamRaftMessageResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.StreamRaftMessageResponse & swarm.StreamRaftMessageResponse.$Shape} StreamRaftMessageResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.StreamRaftMessageResponse & swarm.StreamRaftMessageResponse.$Shape;

        /**
         * Decodes a StreamRaftMessageResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.StreamRaftMessageResponse & swarm.StreamRaftMessageResponse.$Shape} StreamRaftMessageResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.StreamRaftMessageResponse & swarm.StreamRaftMessageResponse.$Shape;

        /**
         * Verifies a StreamRaftMessageResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a StreamRaftMessageResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns StreamRaftMessageResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.StreamRaftMessageResponse;

        /**
         * Creates a plain object from a StreamRaftMessageResponse message. Also converts values to other types if specified.
         * @param message StreamRaftMessageResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.StreamRaftMessageResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this StreamRaftMessageResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for StreamRaftMessageResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace StreamRaftMessageResponse {

        /** Properties of a StreamRaftMessageResponse. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a StreamRaftMessageResponse. */
        type $Shape = swarm.StreamRaftMessageResponse.$Properties;
    }

    /**
     * Properties of a ResolveAddressRequest.
     * @deprecated Use swarm.ResolveAddressRequest.$Properties instead.
     */
    interface IResolveAddressRequest extends swarm.ResolveAddressRequest.$Properties {
    }

    /** Represents a ResolveAddressRequest. */
    class ResolveAddressRequest {

        /**
         * Constructs a new ResolveAddressRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ResolveAddressRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ResolveAddressRequest raftId. */
        raftId: Long;

        /**
         * Creates a new ResolveAddressRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ResolveAddressRequest instance
         */
        static create(properties: swarm.ResolveAddressRequest.$Shape): swarm.ResolveAddressRequest & swarm.ResolveAddressRequest.$Shape;
        static create(properties?: swarm.ResolveAddressRequest.$Properties): swarm.ResolveAddressRequest;

        /**
         * Encodes the specified ResolveAddressRequest message. Does not implicitly {@link swarm.ResolveAddressRequest.verify|verify} messages.
         * @param message ResolveAddressRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ResolveAddressRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ResolveAddressRequest message, length delimited. Does not implicitly {@link swarm.ResolveAddressRequest.verify|verify} messages.
         * @param message ResolveAddressRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ResolveAddressRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ResolveAddressRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ResolveAddressRequest & swarm.ResolveAddressRequest.$Shape} ResolveAddressRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ResolveAddressRequest & swarm.ResolveAddressRequest.$Shape;

        /**
         * Decodes a ResolveAddressRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ResolveAddressRequest & swarm.ResolveAddressRequest.$Shape} ResolveAddressRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ResolveAddressRequest & swarm.ResolveAddressRequest.$Shape;

        /**
         * Verifies a ResolveAddressRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ResolveAddressRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ResolveAddressRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.ResolveAddressRequest;

        /**
         * Creates a plain object from a ResolveAddressRequest message. Also converts values to other types if specified.
         * @param message ResolveAddressRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ResolveAddressRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ResolveAddressRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ResolveAddressRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ResolveAddressRequest {

        /** Properties of a ResolveAddressRequest. */
        interface $Properties {

            /** ResolveAddressRequest raftId */
            raftId?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ResolveAddressRequest. */
        type $Shape = swarm.ResolveAddressRequest.$Properties;
    }

    /**
     * Properties of a ResolveAddressResponse.
     * @deprecated Use swarm.ResolveAddressResponse.$Properties instead.
     */
    interface IResolveAddressResponse extends swarm.ResolveAddressResponse.$Properties {
    }

    /** Represents a ResolveAddressResponse. */
    class ResolveAddressResponse {

        /**
         * Constructs a new ResolveAddressResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.ResolveAddressResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ResolveAddressResponse addr. */
        addr: string;

        /**
         * Creates a new ResolveAddressResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ResolveAddressResponse instance
         */
        static create(properties: swarm.ResolveAddressResponse.$Shape): swarm.ResolveAddressResponse & swarm.ResolveAddressResponse.$Shape;
        static create(properties?: swarm.ResolveAddressResponse.$Properties): swarm.ResolveAddressResponse;

        /**
         * Encodes the specified ResolveAddressResponse message. Does not implicitly {@link swarm.ResolveAddressResponse.verify|verify} messages.
         * @param message ResolveAddressResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.ResolveAddressResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ResolveAddressResponse message, length delimited. Does not implicitly {@link swarm.ResolveAddressResponse.verify|verify} messages.
         * @param message ResolveAddressResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.ResolveAddressResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ResolveAddressResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.ResolveAddressResponse & swarm.ResolveAddressResponse.$Shape} ResolveAddressResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.ResolveAddressResponse & swarm.ResolveAddressResponse.$Shape;

        /**
         * Decodes a ResolveAddressResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.ResolveAddressResponse & swarm.ResolveAddressResponse.$Shape} ResolveAddressResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.ResolveAddressResponse & swarm.ResolveAddressResponse.$Shape;

        /**
         * Verifies a ResolveAddressResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ResolveAddressResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ResolveAddressResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.ResolveAddressResponse;

        /**
         * Creates a plain object from a ResolveAddressResponse message. Also converts values to other types if specified.
         * @param message ResolveAddressResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.ResolveAddressResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ResolveAddressResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ResolveAddressResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ResolveAddressResponse {

        /** Properties of a ResolveAddressResponse. */
        interface $Properties {

            /** ResolveAddressResponse addr */
            addr?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ResolveAddressResponse. */
        type $Shape = swarm.ResolveAddressResponse.$Properties;
    }

    /**
     * Properties of a JoinRequest.
     * @deprecated Use swarm.JoinRequest.$Properties instead.
     */
    interface IJoinRequest extends swarm.JoinRequest.$Properties {
    }

    /** Represents a JoinRequest. */
    class JoinRequest {

        /**
         * Constructs a new JoinRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.JoinRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** JoinRequest addr. */
        addr: string;

        /**
         * Creates a new JoinRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns JoinRequest instance
         */
        static create(properties: swarm.JoinRequest.$Shape): swarm.JoinRequest & swarm.JoinRequest.$Shape;
        static create(properties?: swarm.JoinRequest.$Properties): swarm.JoinRequest;

        /**
         * Encodes the specified JoinRequest message. Does not implicitly {@link swarm.JoinRequest.verify|verify} messages.
         * @param message JoinRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.JoinRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified JoinRequest message, length delimited. Does not implicitly {@link swarm.JoinRequest.verify|verify} messages.
         * @param message JoinRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.JoinRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a JoinRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.JoinRequest & swarm.JoinRequest.$Shape} JoinRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.JoinRequest & swarm.JoinRequest.$Shape;

        /**
         * Decodes a JoinRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.JoinRequest & swarm.JoinRequest.$Shape} JoinRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.JoinRequest & swarm.JoinRequest.$Shape;

        /**
         * Verifies a JoinRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a JoinRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns JoinRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.JoinRequest;

        /**
         * Creates a plain object from a JoinRequest message. Also converts values to other types if specified.
         * @param message JoinRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.JoinRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this JoinRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for JoinRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace JoinRequest {

        /** Properties of a JoinRequest. */
        interface $Properties {

            /** JoinRequest addr */
            addr?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a JoinRequest. */
        type $Shape = swarm.JoinRequest.$Properties;
    }

    /**
     * Properties of a JoinResponse.
     * @deprecated Use swarm.JoinResponse.$Properties instead.
     */
    interface IJoinResponse extends swarm.JoinResponse.$Properties {
    }

    /** Represents a JoinResponse. */
    class JoinResponse {

        /**
         * Constructs a new JoinResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.JoinResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** JoinResponse raftId. */
        raftId: Long;

        /** JoinResponse members. */
        members: swarm.RaftMember.$Properties[];

        /** JoinResponse removedMembers. */
        removedMembers: Long[];

        /**
         * Creates a new JoinResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns JoinResponse instance
         */
        static create(properties: swarm.JoinResponse.$Shape): swarm.JoinResponse & swarm.JoinResponse.$Shape;
        static create(properties?: swarm.JoinResponse.$Properties): swarm.JoinResponse;

        /**
         * Encodes the specified JoinResponse message. Does not implicitly {@link swarm.JoinResponse.verify|verify} messages.
         * @param message JoinResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.JoinResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified JoinResponse message, length delimited. Does not implicitly {@link swarm.JoinResponse.verify|verify} messages.
         * @param message JoinResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.JoinResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a JoinResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.JoinResponse & swarm.JoinResponse.$Shape} JoinResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.JoinResponse & swarm.JoinResponse.$Shape;

        /**
         * Decodes a JoinResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.JoinResponse & swarm.JoinResponse.$Shape} JoinResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.JoinResponse & swarm.JoinResponse.$Shape;

        /**
         * Verifies a JoinResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a JoinResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns JoinResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.JoinResponse;

        /**
         * Creates a plain object from a JoinResponse message. Also converts values to other types if specified.
         * @param message JoinResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.JoinResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this JoinResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for JoinResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace JoinResponse {

        /** Properties of a JoinResponse. */
        interface $Properties {

            /** JoinResponse raftId */
            raftId?: (Long|null);

            /** JoinResponse members */
            members?: (swarm.RaftMember.$Properties[]|null);

            /** JoinResponse removedMembers */
            removedMembers?: (Long[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a JoinResponse. */
        type $Shape = swarm.JoinResponse.$Properties;
    }

    /**
     * Properties of a LeaveRequest.
     * @deprecated Use swarm.LeaveRequest.$Properties instead.
     */
    interface ILeaveRequest extends swarm.LeaveRequest.$Properties {
    }

    /** Represents a LeaveRequest. */
    class LeaveRequest {

        /**
         * Constructs a new LeaveRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.LeaveRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaveRequest node. */
        node?: (swarm.RaftMember.$Properties|null);

        /**
         * Creates a new LeaveRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaveRequest instance
         */
        static create(properties: swarm.LeaveRequest.$Shape): swarm.LeaveRequest & swarm.LeaveRequest.$Shape;
        static create(properties?: swarm.LeaveRequest.$Properties): swarm.LeaveRequest;

        /**
         * Encodes the specified LeaveRequest message. Does not implicitly {@link swarm.LeaveRequest.verify|verify} messages.
         * @param message LeaveRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.LeaveRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified LeaveRequest message, length delimited. Does not implicitly {@link swarm.LeaveRequest.verify|verify} messages.
         * @param message LeaveRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.LeaveRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaveRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.LeaveRequest & swarm.LeaveRequest.$Shape} LeaveRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.LeaveRequest & swarm.LeaveRequest.$Shape;

        /**
         * Decodes a LeaveRequest message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.LeaveRequest & swarm.LeaveRequest.$Shape} LeaveRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.LeaveRequest & swarm.LeaveRequest.$Shape;

        /**
         * Verifies a LeaveRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a LeaveRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns LeaveRequest
         */
        static fromObject(object: { [k: string]: any }): swarm.LeaveRequest;

        /**
         * Creates a plain object from a LeaveRequest message. Also converts values to other types if specified.
         * @param message LeaveRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.LeaveRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaveRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for LeaveRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaveRequest {

        /** Properties of a LeaveRequest. */
        interface $Properties {

            /** LeaveRequest node */
            node?: (swarm.RaftMember.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaveRequest. */
        type $Shape = swarm.LeaveRequest.$Properties;
    }

    /**
     * Properties of a LeaveResponse.
     * @deprecated Use swarm.LeaveResponse.$Properties instead.
     */
    interface ILeaveResponse extends swarm.LeaveResponse.$Properties {
    }

    /** Represents a LeaveResponse. */
    class LeaveResponse {

        /**
         * Constructs a new LeaveResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarm.LeaveResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new LeaveResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaveResponse instance
         */
        static create(properties: swarm.LeaveResponse.$Shape): swarm.LeaveResponse & swarm.LeaveResponse.$Shape;
        static create(properties?: swarm.LeaveResponse.$Properties): swarm.LeaveResponse;

        /**
         * Encodes the specified LeaveResponse message. Does not implicitly {@link swarm.LeaveResponse.verify|verify} messages.
         * @param message LeaveResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarm.LeaveResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified LeaveResponse message, length delimited. Does not implicitly {@link swarm.LeaveResponse.verify|verify} messages.
         * @param message LeaveResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: swarm.LeaveResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaveResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarm.LeaveResponse & swarm.LeaveResponse.$Shape} LeaveResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarm.LeaveResponse & swarm.LeaveResponse.$Shape;

        /**
         * Decodes a LeaveResponse message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {swarm.LeaveResponse & swarm.LeaveResponse.$Shape} LeaveResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): swarm.LeaveResponse & swarm.LeaveResponse.$Shape;

        /**
         * Verifies a LeaveResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a LeaveResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns LeaveResponse
         */
        static fromObject(object: { [k: string]: any }): swarm.LeaveResponse;

        /**
         * Creates a plain object from a LeaveResponse message. Also converts values to other types if specified.
         * @param message LeaveResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: swarm.LeaveResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaveResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for LeaveResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaveResponse {

        /** Properties of a LeaveResponse. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaveResponse. */
        type $Shape = swarm.LeaveResponse.$Properties;
    }

    /** Represents a Raft */
    class Raft extends $protobuf.rpc.Service {

        /**
         * Constructs a new Raft service.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         */
        constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

        /**
         * Creates new Raft service using the specified rpc implementation.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         * @returns RPC service. Useful where requests and/or responses are streamed.
         */
        static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Raft;

        /** Calls ProcessRaftMessage. */
        processRaftMessage: swarm.Raft.ProcessRaftMessage;

        /** Calls StreamRaftMessage. */
        streamRaftMessage: swarm.Raft.StreamRaftMessage;

        /** Calls ResolveAddress. */
        resolveAddress: swarm.Raft.ResolveAddress;
    }

    namespace Raft {

        /**
         * Callback as used by {@link swarm.Raft#processRaftMessage}.
         * @param error Error, if any
         * @param [response] ProcessRaftMessageResponse
         */
        type ProcessRaftMessageCallback = (error: (Error|null), response?: swarm.ProcessRaftMessageResponse) => void;

        /** Calls ProcessRaftMessage. */
        type ProcessRaftMessage = {
          (request: swarm.IProcessRaftMessageRequest, callback: swarm.Raft.ProcessRaftMessageCallback): void;
          (request: swarm.IProcessRaftMessageRequest): Promise<swarm.ProcessRaftMessageResponse>;
          readonly name: "ProcessRaftMessage";
          readonly path: "/swarm.Raft/ProcessRaftMessage";
          readonly requestType: "ProcessRaftMessageRequest";
          readonly responseType: "ProcessRaftMessageResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link swarm.Raft#streamRaftMessage}.
         * @param error Error, if any
         * @param [response] StreamRaftMessageResponse
         */
        type StreamRaftMessageCallback = (error: (Error|null), response?: swarm.StreamRaftMessageResponse) => void;

        /** Calls StreamRaftMessage. */
        type StreamRaftMessage = {
          (request: swarm.IStreamRaftMessageRequest, callback: swarm.Raft.StreamRaftMessageCallback): void;
          (request: swarm.IStreamRaftMessageRequest): Promise<swarm.StreamRaftMessageResponse>;
          readonly name: "StreamRaftMessage";
          readonly path: "/swarm.Raft/StreamRaftMessage";
          readonly requestType: "StreamRaftMessageRequest";
          readonly responseType: "StreamRaftMessageResponse";
          readonly requestStream: true;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link swarm.Raft#resolveAddress}.
         * @param error Error, if any
         * @param [response] ResolveAddressResponse
         */
        type ResolveAddressCallback = (error: (Error|null), response?: swarm.ResolveAddressResponse) => void;

        /** Calls ResolveAddress. */
        type ResolveAddress = {
          (request: swarm.IResolveAddressRequest, callback: swarm.Raft.ResolveAddressCallback): void;
          (request: swarm.IResolveAddressRequest): Promise<swarm.ResolveAddressResponse>;
          readonly name: "ResolveAddress";
          readonly path: "/swarm.Raft/ResolveAddress";
          readonly requestType: "ResolveAddressRequest";
          readonly responseType: "ResolveAddressResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };
    }

    /** Represents a RaftMembership */
    class RaftMembership extends $protobuf.rpc.Service {

        /**
         * Constructs a new RaftMembership service.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         */
        constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

        /**
         * Creates new RaftMembership service using the specified rpc implementation.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         * @returns RPC service. Useful where requests and/or responses are streamed.
         */
        static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): RaftMembership;

        /** Calls Join. */
        join: swarm.RaftMembership.Join;

        /** Calls Leave. */
        leave: swarm.RaftMembership.Leave;
    }

    namespace RaftMembership {

        /**
         * Callback as used by {@link swarm.RaftMembership#join}.
         * @param error Error, if any
         * @param [response] JoinResponse
         */
        type JoinCallback = (error: (Error|null), response?: swarm.JoinResponse) => void;

        /** Calls Join. */
        type Join = {
          (request: swarm.IJoinRequest, callback: swarm.RaftMembership.JoinCallback): void;
          (request: swarm.IJoinRequest): Promise<swarm.JoinResponse>;
          readonly name: "Join";
          readonly path: "/swarm.RaftMembership/Join";
          readonly requestType: "JoinRequest";
          readonly responseType: "JoinResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link swarm.RaftMembership#leave}.
         * @param error Error, if any
         * @param [response] LeaveResponse
         */
        type LeaveCallback = (error: (Error|null), response?: swarm.LeaveResponse) => void;

        /** Calls Leave. */
        type Leave = {
          (request: swarm.ILeaveRequest, callback: swarm.RaftMembership.LeaveCallback): void;
          (request: swarm.ILeaveRequest): Promise<swarm.LeaveResponse>;
          readonly name: "Leave";
          readonly path: "/swarm.RaftMembership/Leave";
          readonly requestType: "LeaveRequest";
          readonly responseType: "LeaveResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };
    }
}
